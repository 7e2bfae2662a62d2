//! Claims that go beyond one value: ranks ("the top exporter", "second-largest", "followed by
//! X", "only A and B sent more than X"), trends ("rose", "nearly doubled", "grew by 500") and
//! shares ("nearly half of the 800 … have returned").
//!
//! Each is read from the words of one sentence around the entities and metrics the linker has
//! already found, and tied to a table the same way a value is: an entity, a metric and a
//! period. What the words do not pin down stays unverified.

use super::{words, Claim, Found, Linker, Mention, Period, Picked, Role, SentenceContext};
use crate::quantity::{Kind, Quantity};

/// What a rank claim says about its entity.
#[derive(Debug, Clone, PartialEq)]
pub enum Rank {
    /// Ranked n-th from the top ("the largest" is 1, "second-largest" 2).
    Position(u32),
    /// Ranked n-th from the bottom ("the smallest" is 1).
    FromBottom(u32),
    /// Among the top n.
    Top(u32),
    /// Ranked right above the other entity ("X, followed by Y").
    FollowedBy(String),
    /// Ranked above the other entity ("X sent more fighters than Y", "X is ahead of Y").
    Above(String),
    /// Ranked below the other entity ("X sent fewer fighters than Y").
    Below(String),
    /// Level with the other entity ("tied with Y").
    Tied(String),
    /// Exactly these entities rank above ("Only A, B and C have more … than X").
    OnlyAbove(Vec<String>),
}

/// The direction a trend word states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// How big a change is said to be.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeSize {
    /// A factor: "doubled" (2), "nearly tripled", "halved" (0.5); the quantity carries the hedge.
    Factor(Quantity),
    /// A difference in the metric's unit: "grew by 500", "about 200 more".
    Absolute(Quantity),
    /// A relative change in percent: "rose 30 percent".
    Percent(Quantity),
}

/// A change between two periods.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub direction: Direction,
    /// The earlier period; `None` means the period before the claim's in the table.
    pub from: Option<String>,
    pub size: Option<ChangeSize>,
    /// The two ends when the text states them after the verb ("slumped from 24 seats to
    /// nine", "rose to 3.1% from 2.8%"): earlier first.
    pub ends: Option<Box<(Quantity, Quantity)>>,
}

/// A part of a whole: the claim's metric (the part) over `whole_metric` of `whole_entity`.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// The fraction or percentage as written.
    pub fraction: Quantity,
    pub whole_metric: String,
    pub whole_entity: String,
}

/// What a claim states.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A value of the row (the quantity).
    Value,
    Rank(Rank),
    Trend(Trend),
    Share(Share),
    /// A difference or ratio against another row.
    Compare(super::compare::Comparison),
}

/// Superlatives of the top of an order.
const HIGH: &[&str] = &[
    "largest",
    "biggest",
    "highest",
    "greatest",
    "most",
    "top",
    "leading",
    "tallest",
    "richest",
    "busiest",
    "heaviest",
    "longest",
    "widest",
    "deepest",
    "strongest",
    "fastest",
    "best-selling",
    "No",
];
/// Superlatives of the bottom of an order.
const LOW: &[&str] = &[
    "smallest", "lowest", "fewest", "least", "shortest", "poorest", "weakest", "slowest",
];
const UP: &[&str] = &[
    "rose",
    "risen",
    "rise",
    "rises",
    "rising",
    "increased",
    "increases",
    "increasing",
    "grew",
    "grown",
    "grow",
    "grows",
    "growing",
    "jumped",
    "soared",
    "climbed",
    "surged",
    "swelled",
    "expanded",
    "rebounded",
    "gained",
];
const DOWN: &[&str] = &[
    "fell",
    "fallen",
    "falls",
    "falling",
    "dropped",
    "declined",
    "declining",
    "decreased",
    "decreases",
    "shrank",
    "shrunk",
    "slid",
    "plunged",
    "plummeted",
    "dwindled",
    "slipped",
    "dipped",
    "sank",
    "tumbled",
    "slumped",
];

/// What the readers of ranks, trends and shares share about one sentence.
struct Reading<'r, 't> {
    linker: &'r Linker<'t>,
    sentence: usize,
    quantities: &'r [Quantity],
    inherited: Option<&'r [(usize, String)]>,
    /// The years and dates of the sentence.
    years: Vec<&'r Quantity>,
}

impl SentenceContext<'_> {
    fn lower(&self, k: usize) -> String {
        self.tokens
            .get(k)
            .map(|t| t.text.to_lowercase())
            .unwrap_or_default()
    }

    /// Whether the "as" at token `k` opens a clause with a subject of its own ("as the
    /// world's fleet grows", "as MIT keeps the top spot"), rather than comparing ("as much
    /// as", "twice as large as"), naming a role ("known as", "such as") or a time ("as of").
    fn opens_clause_as(&self, k: usize, at: usize) -> bool {
        let prev = if k >= 1 {
            self.lower(k - 1)
        } else {
            String::new()
        };
        let compares = (k.saturating_sub(3)..k)
            .any(|i| matches!(self.lower(i).as_str(), "as" | "so"))
            || matches!(
                prev.as_str(),
                "" | "such"
                    | "same"
                    | "well"
                    | "known"
                    | "regarded"
                    | "seen"
                    | "served"
                    | "serves"
                    | "serve"
                    | "act"
                    | "acts"
                    | "acted"
                    | "much"
                    | "many"
                    | "twice"
                    | "just"
                    | "and"
            );
        // A name right after it (or after "the") and before the assertion is the clause's
        // subject; "its place as the second-largest emitter" has none.
        let subject_follows = self.mentions.iter().any(|m| {
            (m.tok_start == k + 1 || (m.tok_start == k + 2 && self.lower(k + 1) == "the"))
                && m.tok_end <= at
        });
        let gap_before = k >= 1
            && self.text[self.tokens[k - 1].end..self.tokens[k].start]
                .trim()
                .is_empty();
        !compares && subject_follows && gap_before
    }

    /// The mention an assertion at tokens `at..` is about: the nearest before it, else the
    /// first after it.
    pub(super) fn subject(&self, at: usize) -> Option<&Mention> {
        // After it only as the complement of a copula: "the largest source was Russia",
        // never an object ("… overtaking the SNP").
        // Before it, but not the object of a verb or comparison ("overtaking the Shanghai
        // Tower to become the second-tallest").
        let object = |m: &Mention| {
            let k = self.with_article(m);
            k >= 1 && {
                let w = self.lower(k - 1);
                // "in the House of Commons" mid-sentence is a place, not the subject;
                // "In Russia, …" opening the sentence may be.
                // ("prices in Spain rose": a metric's term, "in" and the name, right before
                // the verb, are the subject's noun phrase.)
                let term_before = self.metric_terms.iter().any(|(i, _, _)| *i + 2 == k);
                let heads_the_verb = m.tok_end == at && term_before && w == "in";
                // "while in Finland the new unit lifted …": a place that opens a clause is
                // its setting, as one that opens the sentence is.
                let opens_clause = k >= 2
                    && w == "in"
                    && matches!(
                        self.lower(k - 2).as_str(),
                        "while" | "whereas" | "but" | "and" | "although" | "though"
                    );
                // "moved ahead of Germany", "in front of Spain": the row passed.
                let at_byte = self.tokens.get(at).map_or(self.text.len(), |t| t.start);
                // ("… as the world's fleet grows": "as" that opens a clause gives it its
                // subject; "as much as Germany" compares.)
                let opens_as_clause = w == "as" && self.opens_clause_as(k - 1, at);
                !opens_as_clause
                    && (self.is_passed(m, at_byte)
                        || (k >= 2
                            && matches!(w.as_str(), "in" | "at" | "to" | "into")
                            && !heads_the_verb
                            && !opens_clause)
                        || (w.ends_with("ing") && !words::is_adjectival_participle(&w))
                        || matches!(
                            w.as_str(),
                            "than"
                                | "as"
                                // "nearly twice China's output", "three times Xiaomi's"
                                | "twice"
                                | "thrice"
                                | "times"
                                | "over"
                                | "beat"
                                | "overtook"
                                | "surpassed"
                                | "displaced"
                                | "replaced"
                                | "dethroned"
                                | "unseated"
                                | "ousted"
                                | "behind"
                                | "against"
                                | "with"
                        ))
            }
        };
        // Never across a semicolon: "Russia sent the most; France, a quarter as many" has
        // its own clause for each.
        let at_clause_end = self
            .tokens
            .get(at)
            .map_or(self.text.len(), |t| t.start)
            .min(self.text.len());
        let clause_start = self.text[..at_clause_end].rfind(';').map_or(0, |i| i + 1);
        // Nor across "while" or "whereas", which open a clause with a subject of its own
        // ("Spain generated 54.4 TWh, while in Finland … generation rose").
        let clause_start = ["while ", "whereas "]
            .iter()
            .filter_map(|w| {
                self.lower[clause_start..at_clause_end]
                    .rfind(w)
                    .map(|i| clause_start + i)
            })
            .max()
            .unwrap_or(clause_start);
        // Nor across an "as" that opens a clause: "MSC widens its lead as the world's fleet
        // grows 8%".
        let clause_start = (0..at)
            .rev()
            .take_while(|&i| self.tokens[i].start >= clause_start)
            .find(|&i| self.lower(i) == "as" && self.opens_clause_as(i, at))
            .map_or(clause_start, |i| self.tokens[i].start);
        let at_byte = self.tokens.get(at).map_or(self.text.len(), |t| t.start);
        // "a fifth of the global total, and its output rose": the whole of a share is not
        // what the sentence goes on to speak of.
        let whole_of_share = |m: &Mention| {
            let k = self.with_article(m);
            k >= 1
                && self.lower(k - 1) == "of"
                && (m.place == Some(crate::gazetteer::PlaceKind::World)
                    || m.written.to_lowercase().contains("total"))
        };
        // "… more than India, whose exports rose 18%": a relative clause that holds the
        // assertion speaks of the name it follows, whatever that name is to the main clause.
        let relative_owner = self.mentions.iter().rfind(|m| {
            m.tok_end <= at && {
                let rest =
                    self.lower[m.end..at_byte.max(m.end)].trim_start_matches(['\'', '’', 's']);
                ["whose ", "where ", "which ", "who "].iter().any(|w| {
                    rest.strip_prefix(", ")
                        .and_then(|r| r.strip_prefix(w))
                        .is_some_and(|r| !r.contains([',', ';', '(', ')']))
                })
            }
        });
        if relative_owner.is_some() {
            return relative_owner;
        }
        // "as much as China, the second-largest": a place in an apposition is the name's
        // it follows, whatever that name is to the main clause.
        let appositive_owner = self.mentions.iter().rfind(|m| {
            m.tok_end <= at && !m.entities.is_empty() && {
                let rest = &self.lower[m.end..at_byte.max(m.end)];
                rest.strip_prefix(", ")
                    .and_then(|r| {
                        ["the ", "its ", "a "]
                            .iter()
                            .find_map(|d| r.strip_prefix(d))
                    })
                    .is_some_and(|r| r.split_whitespace().count() <= 2 && !r.contains([',', ';']))
            }
        });
        if appositive_owner.is_some() {
            return appositive_owner;
        }
        // "the world's sugar, whose output rose", "an exhibition that drew": the noun phrase
        // the clause follows.
        if let Some(antecedent) = self.relative_antecedent(at) {
            return antecedent.ok();
        }
        self.mentions
            .iter()
            .rfind(|m| {
                m.tok_end <= at
                    && m.start >= clause_start
                    && !object(m)
                    && !whole_of_share(m)
                    && !self.in_closed_relative(m, at_byte)
            })
            // "…, and the number of Hispanic people rose 28%": a clause with a name of its
            // own that no table knows has another subject.
            .filter(|m| !self.clause_has_own_name(m.end.min(at_byte), at_byte))
            .or_else(|| {
                self.mentions.iter().find(|m| {
                    m.tok_start > at
                        && m.tok_start >= 1
                        && matches!(
                            self.lower(m.tok_start - 1).as_str(),
                            "is" | "was"
                                | "are"
                                | "were"
                                | "remains"
                                | "remained"
                                | "became"
                                | "becomes"
                        )
                })
            })
            // "Its shipments jumped 30.8%": the row the sentence before named.
            .or(self.antecedent.as_ref())
    }

    /// A pseudo-quantity covering tokens `from..to` (exclusive), to carry a claim's span.
    fn phrase(&self, from: usize, to: usize, kind: Kind, value: Option<f64>) -> Quantity {
        let start = self.tokens[from].start;
        let end = self.tokens[to.max(from + 1) - 1].end;
        Quantity {
            text: self.text[start..end].to_string(),
            start,
            end,
            line: 0,
            column: 0,
            kind,
            value,
            low: value,
            high: value,
            hedge: None,
            unit: None,
            dimension: None,
            precision: None,
        }
    }

    /// Ties a shape to the table of its subject; `None` when the words give no subject.
    fn tie(
        &self,
        r: &Reading<'_, '_>,
        span: Quantity,
        subject: Option<&Mention>,
        shape: Shape,
    ) -> Claim {
        let mut claim = Claim::new(self.placed(&span), r.sentence, Role::Value, shape);
        if let Some(why) = self.measured_otherwise(span.end) {
            claim.unlinked = Some(format!("{} {why}", span.text));
            return claim;
        }
        // A rank within a region ("the largest in Europe", "of any European country") needs
        // the region's members, which tables do not list: undecided.
        if let Shape::Rank(_) = &claim.shape {
            // A scope is the table's whole ("the highest rate in the EU" of an EU table) or a
            // set the table does not define.
            let whole = |m: &Mention| names_the_whole(m, r.linker);
            let scope = self
                .mentions
                .iter()
                .find(|m| {
                    m.place == Some(crate::gazetteer::PlaceKind::Region)
                        && subject.is_none_or(|s| s.tok_start != m.tok_start)
                })
                .or_else(|| self.scopes.iter().find(|m| !whole(m)));
            if let Some(scope) = scope {
                claim.unlinked = Some(format!(
                    "the scope {} is not defined by the table",
                    scope.written
                ));
                return claim;
            }
            if let Some(words) = self.record_over_time(&span) {
                claim.unlinked = Some(format!(
                    "a record over time (\"{words}\"), not a rank among the table's rows"
                ));
                return claim;
            }
            if let Some(why) = self.ranked_noun_unmeasured(&span) {
                claim.unlinked = Some(why);
                return claim;
            }
            if let Some(scope) = self.rank_scope() {
                claim.unlinked = Some(format!(
                    "ranks within \"{scope}\", which the table does not define"
                ));
                return claim;
            }
        }
        // "which accounted for roughly half of all new cars less than a decade ago": a share
        // or a place dated back from an unstated present.
        if matches!(claim.shape, Shape::Rank(_) | Shape::Share(_)) {
            let rest = &self.lower[span.end.min(self.lower.len())..];
            let clause = &rest[..rest
                .find([',', ';', '.', ')', '—', '–'])
                .unwrap_or(rest.len())];
            // The words of the phrase before it: "once the world's third-biggest grower",
            // "formerly the largest".
            let head = &self.lower[..span.start.min(self.lower.len())];
            let head = &head[head.rfind([',', ';', '(', ':']).map_or(0, |i| i + 1)..];
            let before = head
                .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
                .filter(|w| !w.is_empty())
                .rev()
                .take_while(|w| !matches!(*w, "was" | "is" | "were" | "are" | "be" | "been" | "as"))
                .take(4)
                .find(|w| matches!(*w, "once" | "formerly" | "previously" | "erstwhile"));
            let back = before.or_else(|| {
                clause
                    .split(|c: char| !c.is_alphabetic())
                    .find(|w| matches!(*w, "ago" | "earlier" | "previously" | "formerly"))
            });
            if let Some(word) = back {
                claim.unlinked = Some(format!(
                    "speaks of an earlier time (\"{word}\") that the text does not date"
                ));
                return claim;
            }
            // "vied with Australia for the top spot", "battling for second place": a place
            // contended for, not one held.
            let mut words = head
                .split(|c: char| !c.is_alphabetic() && c != '-')
                .filter(|w| !w.is_empty())
                .rev()
                .skip_while(|w| *w == "the");
            if words.next() == Some("for") {
                let striving = words.take(4).find(|w| {
                    [
                        "vie", "vied", "vying", "compet", "battl", "fight", "fought", "contend",
                        "jostl", "chas", "rac",
                    ]
                    .iter()
                    .any(|stem| w.starts_with(stem))
                });
                if let Some(verb) = striving {
                    claim.unlinked = Some(format!(
                        "is a place contended for (\"{verb} … for\"), not one held"
                    ));
                    return claim;
                }
            }
        }
        let metric = match &claim.shape {
            Shape::Rank(_) => self.metric_of_ranked_figure(r, &span),
            _ => None,
        }
        .or_else(|| self.metric_for(&span, Role::Value, &[], r.inherited, r.linker));
        // "India came second with 1.6 million, even though coverage there held at 93%": a
        // place is ranked by a metric of its own clause, not one a later clause opened by
        // "even though", "while" or "but" speaks of.
        let metric = match (&claim.shape, metric) {
            (Shape::Rank(_), Some(((t, m), _))) if self.metric_only_past_a_turn(&span, t, &m) => {
                claim.unlinked = Some(format!("the metric ({m}) is named only in another clause"));
                return claim;
            }
            (_, metric) => metric,
        };
        // On a rank metric, "higher", "lower", "the highest rank" may mean the better place
        // or the larger number; "ahead of", "followed by", "top" and places say which.
        if let (Some(((t, m), _)), Shape::Rank(rank)) = (&metric, &claim.shape) {
            let is_rank = r.linker.tables[*t].metric(m).is_some_and(|x| x.is_rank());
            // "a lower rank than France", "the lowest ranking": size words on the rank itself
            // ("ranked higher than", "placed lower" speak of the place and are read).
            let size_of_rank = (0..self.tokens.len().saturating_sub(1)).any(|k| {
                matches!(
                    self.lower(k).as_str(),
                    "higher" | "lower" | "highest" | "lowest" | "greater" | "smaller" | "larger"
                ) && matches!(
                    self.lower(k + 1).as_str(),
                    "rank" | "ranking" | "rankings" | "position" | "place" | "seed" | "seeding"
                )
            });
            let by_size = !matches!(rank, Rank::Top(_));
            if is_rank && by_size && size_of_rank {
                claim.unlinked = Some(format!(
                    "\"{}\" on the rank metric {m} may mean the better place or the larger number",
                    span.text
                ));
                return claim;
            }
        }
        let entity = match subject {
            Some(m) => m.entities.first().cloned(),
            None => metric.as_ref().and_then(|((t, _), _)| {
                r.linker.tables[*t]
                    .total
                    .clone()
                    .filter(|_| self.mentions.is_empty() && self.has_total_word())
                    .map(|e| (*t, e))
            }),
        };
        // The subject is named, or the total is ("worldwide", "overall").
        let entity_found = match (subject, self.total_word()) {
            (Some(m), _) if self.antecedent.as_ref().is_some_and(|a| std::ptr::eq(a, m)) => {
                Found::inherited(format!("{}, named in the sentence before", m.written))
            }
            (Some(m), _) => Found::stated(m.written.clone()),
            (None, Some("total")) if !self.names_the_total() => {
                Found::defaulted("the table's total, from \"a total\"")
            }
            (None, w) => Found::stated(w.unwrap_or("total")),
        };
        // The earlier year of a change in the sentence is never the period of its claims.
        let from = match &claim.shape {
            Shape::Trend(t) => t.from.clone(),
            _ => None,
        }
        .or_else(|| self.earlier_period(&r.years));
        let period = self.shape_period(
            r,
            from.as_deref(),
            span.start.min(self.text.len()),
            span.end.min(self.text.len()),
        );
        match (metric, entity) {
            (Some(picked), Some((te, e))) if picked.0 .0 == te => {
                self.finish(r.linker, claim, (e, entity_found), picked, period)
            }
            (Some(picked), Some(_)) => {
                // The entity is in another table than the metric: look for it in this one.
                let t = picked.0 .0;
                let written = subject.map(|s| s.entities.iter().find(|(ti, _)| *ti == t));
                match written.flatten() {
                    Some((_, e)) => {
                        self.finish(r.linker, claim, (e.clone(), entity_found), picked, period)
                    }
                    None => {
                        claim.unlinked = Some("the entity is not in the metric's table".into());
                        claim
                    }
                }
            }
            (None, _) => {
                claim.unlinked = Some("no metric named in the sentence or its paragraph".into());
                claim
            }
            (_, None) => {
                claim.unlinked = Some(match subject {
                    Some(m) => format!("no table row for {}", m.written),
                    None => "no entity in the sentence".into(),
                });
                claim
            }
        }
    }

    /// Why the noun a superlative ranks by keeps the order from the table's metrics, if it
    /// does: "the highest per-capita consumption" ranks by a measure no metric names; "the
    /// most polluted capital city" ranks within a kind of row ("capital city") the table does
    /// not list. A metric's term ("the second-largest homeless population"), a plain kind of
    /// row ("the largest country") or a word for a measure ("the highest rate") leaves the
    /// order to the metric.
    fn ranked_noun_unmeasured(&self, span: &Quantity) -> Option<String> {
        let from = self.token_at(span.end);
        let mut to = from;
        while to < self.tokens.len() {
            let t = &self.tokens[to];
            let prev_end = if to == from {
                span.end
            } else {
                self.tokens[to - 1].end
            };
            let gap = &self.text[prev_end.min(t.start)..t.start];
            let word = self.lower(to);
            let plain = t.text.starts_with(|c: char| c.is_ascii_lowercase())
                && t.text.chars().all(|c| c.is_alphabetic() || c == '-');
            if !gap.chars().all(|c| c == ' ' || c == '-')
                || !plain
                || (words::is_function_word(&word) && word != "per")
                || self.mentions.iter().any(|m| m.tok_start == to)
            {
                break;
            }
            to += 1;
        }
        let head = to.checked_sub(1).filter(|h| *h >= from)?;
        let head_word = self.lower(head);
        // "the most generous donor", "the least efficient plant": "most" and "least" before an
        // adjective rank by that quality, whatever the noun after it; a table holds it only
        // when the adjective is a metric's term.
        let most = span.text.to_lowercase();
        let quality = self.lower(from);
        let adjective = [
            "ous", "ful", "ive", "able", "ible", "ic", "al", "ent", "ant",
        ]
        .iter()
        .any(|e| quality.ends_with(e))
            && quality.len() > 4;
        if (most.ends_with("most") || most.ends_with("least"))
            && head > from
            && adjective
            && !self.in_term(from)
        {
            let words = &self.text[self.tokens[from].start..self.tokens[from].end];
            return Some(format!("ranks by \"{words}\", which no metric names"));
        }
        if self.in_term(head)
            || matches!(
                head_word.as_str(),
                "place" | "places" | "spot" | "position" | "rank" | "seed"
            )
            || words::is_measure_word(&head_word)
            || words::refers_back(&head_word)
            || words::counted_noun_is_generic(&head_word)
        {
            return None;
        }
        let phrase = || self.text[self.tokens[from].start..self.tokens[head].end].to_string();
        if words::names_a_kind_of_row(&head_word) {
            // "the second-most decorated film": the word after "most" is the superlative's.
            let own = usize::from(most.ends_with("most") || most.ends_with("least"));
            let narrowed = (from + own..head).any(|k| !self.in_term(k));
            return narrowed.then(|| {
                format!(
                    "ranks among \"{}\", which the table does not define",
                    phrase()
                )
            });
        }
        // A verb or an adverb after the superlative is no noun it ranks by; a term in the
        // rest of its clause ("the most gold medals", "the largest town by area") names the
        // measure.
        let clause_end = self.text[span.end..]
            .find([',', ';', '(', ')', ':'])
            .map_or(self.text.len(), |i| span.end + i);
        let term_in_clause = self
            .term_spans
            .iter()
            .any(|(a, _)| *a >= from && self.tokens.get(*a).is_some_and(|t| t.start < clause_end));
        if head_word.ends_with("ed") || head_word.ends_with("ly") || term_in_clause {
            return None;
        }
        Some(format!("ranks by \"{}\", which no metric names", phrase()))
    }

    /// The whole after the "of" at token `of_tok` when its noun is one no metric names:
    /// "about 22% of German workers", "40% of global rice trade", "70% of the large LNG
    /// carriers ordered". A share of such a whole is a share of something the table does not
    /// hold. A term ("of global production"), a word for the whole ("of the total", "of the
    /// market") or a generic count ("of the 800 nationals") leaves the share to be read.
    fn whole_unmeasured(&self, of_tok: usize) -> Option<String> {
        const DETERMINERS: [&str; 12] = [
            "the", "all", "a", "an", "its", "their", "his", "her", "this", "these", "those", "our",
        ];
        let mut k = of_tok + 1;
        while k < self.tokens.len() && DETERMINERS.contains(&self.lower(k).as_str()) {
            k += 1;
        }
        let from = k;
        let mut nouns: Vec<usize> = Vec::new();
        while k < self.tokens.len() {
            let t = &self.tokens[k];
            if k > from {
                let gap = &self.text[self.tokens[k - 1].end.min(t.start)..t.start];
                if !gap.chars().all(|c| c == ' ' || c == '-') {
                    break;
                }
            }
            if let Some(m) = self.mentions.iter().find(|m| m.tok_start == k) {
                k = m.tok_end.max(k + 1);
                continue;
            }
            let word = self.lower(k);
            let numeral = t.text.starts_with(|c: char| c.is_ascii_digit());
            let alphabetic = t.text.chars().all(|c| c.is_alphabetic() || c == '-');
            if numeral {
                k += 1;
                continue;
            }
            if !alphabetic || (words::is_function_word(&word) && word != "per") {
                break;
            }
            nouns.push(k);
            k += 1;
        }
        // "the carriers ordered in 2023": a participle after the noun is not its head.
        let mut head = *nouns.last()?;
        if nouns.len() > 1 && self.lower(head).ends_with("ed") {
            head = nouns[nouns.len() - 2];
        }
        let word = self.lower(head);
        if self.in_term(head)
            || matches!(
                word.as_str(),
                "market"
                    | "markets"
                    | "whole"
                    | "world"
                    | "globe"
                    | "planet"
                    | "humanity"
                    | "mankind"
                    | "nation"
                    | "country"
            )
            || words::is_measure_word(&word)
            || words::refers_back(&word)
            || words::counted_noun_is_generic(&word)
            || words::is_unit_noun(&word)
            || crate::units::lexicon().is_unit_word(&word)
            || !self.tokens[head]
                .text
                .starts_with(|c: char| c.is_lowercase())
        {
            return None;
        }
        let phrase = &self.text[self.tokens[from].start..self.tokens[head].end];
        Some(format!(
            "a share of \"{phrase}\", which no metric of the table names"
        ))
    }

    /// Words that narrow an order to a part of the table: "among the players in round 2",
    /// "of any Belgian", "in the borough category", "when the opponent was Maryland", "for
    /// the rhp position". A rank within such a part needs its members, which the table does
    /// not list.
    fn rank_scope(&self) -> Option<String> {
        const GROUPS: [&str; 9] = [
            "category",
            "division",
            "group",
            "class",
            "conference",
            "round",
            "segment",
            "position",
            "section",
        ];
        let n = self.tokens.len();
        for k in 0..n {
            let w = self.lower(k);
            let next = self.lower(k + 1);
            let scoped = match w.as_str() {
                // "among the top three" is a place in the whole order, not a part of it.
                "among" | "amongst" => {
                    let then = if next == "the" {
                        self.lower(k + 2)
                    } else {
                        next.clone()
                    };
                    !matches!(then.as_str(), "top" | "first" | "bottom" | "last")
                }
                // ("Zimbabwe, where Chinese-owned companies …," is a clause about a name set
                // off by its comma; "the highest score when the venue was …" picks rows.)
                "when" | "whenever" | "where" | "whose" => {
                    k == 0 || !self.text[self.tokens[k - 1].end..self.tokens[k].start].contains(',')
                }
                // "the largest operator outside London", "excluding Germany"
                "outside" | "excluding" | "except" | "besides" => true,
                "of" => next == "any",
                // "in round 2", "in the borough category", "for the rhp position"
                "in" | "for" => {
                    (k + 1..(k + 5).min(n)).any(|i| GROUPS.contains(&self.lower(i).as_str()))
                }
                _ => false,
            };
            if scoped {
                let end = (k + 4).min(n);
                let last = self.tokens[end - 1].end;
                return Some(self.text[self.tokens[k].start..last].to_string());
            }
        }
        None
    }

    /// Whether every term of metric `m` (of table `t`) in the sentence stands after `span`
    /// and past a word that turns to another clause ("even though", "although", "while",
    /// "whereas", "but", a semicolon).
    fn metric_only_past_a_turn(&self, span: &Quantity, t: usize, m: &str) -> bool {
        let mut any = false;
        for (k, tt, mm) in &self.metric_terms {
            if *tt != t || mm != m {
                continue;
            }
            any = true;
            let at = self.tokens[*k].start;
            if at < span.end {
                return false;
            }
            let between = &self.lower[span.end..at];
            let turned = between.contains(';')
                || between
                    .split(|c: char| !c.is_alphabetic())
                    .any(words::turns_to_another_clause);
            if !turned {
                return false;
            }
        }
        any
    }

    /// "India came fourth at $83.6 billion": the figure a place is given with, right after
    /// "at" or "with", ranks by the one metric measured in that figure's unit.
    fn metric_of_ranked_figure(&self, r: &Reading<'_, '_>, span: &Quantity) -> Option<Picked> {
        let rest = &self.lower[span.end.min(self.lower.len())..];
        let gap = rest.len() - rest.trim_start().len();
        let lead = ["at ", "with "]
            .into_iter()
            .find(|l| rest.trim_start().starts_with(l))?;
        let at = span.end + gap + lead.len();
        let q = r.quantities.iter().find(|q| q.start == at)?;
        let unit = crate::units::lexicon().resolve(q.unit.as_deref()?)?;
        let mut found = r.linker.tables.iter().enumerate().flat_map(|(t, table)| {
            table.metrics.iter().filter_map(move |m| {
                let mu = crate::units::lexicon().resolve(m.unit.as_deref()?)?;
                (mu.dimension == unit.dimension && mu.base == unit.base && !m.is_rank())
                    .then(|| (t, m.name.clone()))
            })
        });
        let first = found.next()?;
        if found.next().is_some() {
            return None;
        }
        Some((first, Found::stated(q.text.clone())))
    }

    /// Whether the word at token `k` ends its noun phrase: punctuation or the end of the
    /// sentence follows it, or a preposition ("the satellite record since 1979"), not another
    /// noun ("the record industry").
    fn ends_a_noun_phrase(&self, k: usize) -> bool {
        let Some(next) = self.tokens.get(k + 1) else {
            return true;
        };
        self.text[self.tokens[k].end..next.start].contains([',', ';', '.', '(', ')'])
            || matches!(
                self.lower(k + 1).as_str(),
                "of" | "since" | "for" | "in" | "at" | "and" | "books" | "book"
            )
    }

    /// "the lowest since records began", "the most since 1997", "its largest in a decade": a superlative over time, which a table of rows cannot rank.
    fn record_over_time(&self, span: &Quantity) -> Option<String> {
        let from = self.token_at(span.end);
        let to = (from + 7).min(self.tokens.len());
        for k in from..to {
            // Only within the superlative's own clause.
            let gap_start = self.tokens[from.max(1) - 1].end.min(self.tokens[k].start);
            if self.text[gap_start..self.tokens[k].start].contains([',', ';', '.', '(']) {
                return None;
            }
            let w = self.lower(k);
            let next = self.lower(k + 1);
            // ("in history" and "ever" rank over all time, which a table of all-time
            // figures covers.)
            // "which had been the biggest host for nine years": a record over a span.
            let span_of_years = w == "for"
                && crate::quantity::extract(&next)
                    .first()
                    .is_some_and(|q| q.start == 0)
                && matches!(
                    self.lower(k + 2).as_str(),
                    "years" | "decades" | "seasons" | "consecutive" | "straight"
                );
            // "the lowest gross in the 33-film history of the MCU": a rank within a series
            // the text names, over its whole run.
            let history_of = w == "in"
                && (k + 1..(k + 5).min(self.tokens.len()))
                    .any(|i| self.lower(i) == "history" && self.lower(i + 1) == "of");
            let over_time = w == "since"
                || span_of_years
                || history_of
                || (w == "on" && next == "record")
                // "in the 46-year satellite record", "in the record books"
                || (w == "in"
                    && (k + 1..(k + 6).min(self.tokens.len()))
                        .any(|i| self.lower(i) == "record" && self.ends_a_noun_phrase(i)))
                || (w == "in" && matches!(next.as_str(), "decades" | "years"))
                || (w == "in"
                    && matches!(
                        self.lower(k + 2).as_str(),
                        "years" | "decade" | "decades" | "century"
                    ))
                // "the lowest in more than 50 years", "in almost two decades"
                || (w == "in"
                    && matches!(next.as_str(), "more" | "over" | "almost" | "nearly" | "about")
                    && (k + 2..(k + 6).min(self.tokens.len())).any(|i| {
                        matches!(
                            self.lower(i).as_str(),
                            "years" | "decade" | "decades" | "century" | "centuries"
                        ) && !self.text[self.tokens[k].end..self.tokens[i].start]
                            .contains([',', ';', '.', '('])
                    }));
            if over_time {
                let end = (k + 3).min(self.tokens.len());
                return Some(self.text[self.tokens[k].start..self.tokens[end - 1].end].to_string());
            }
        }
        None
    }

    /// The period a rank or trend at byte `at` speaks of: a year in the sentence that is not
    /// a "since" or "from" year, else the current one.
    fn shape_period(
        &self,
        r: &Reading<'_, '_>,
        exclude: Option<&str>,
        at: usize,
        end: usize,
    ) -> Period {
        for y in &r.years {
            // "up from 65.8 in 2022, when Bangladesh ranked fifth": a "when" clause speaks of
            // the year it follows.
            if y.end <= at {
                let gap = self.lower[y.end..at].trim_start_matches([',', ' ']);
                if gap.starts_with("when ") && !gap.contains([',', ';', '.']) {
                    return Period::Year(super::periods::year_label(y));
                }
            }
            if exclude.is_some_and(|e| super::periods::year_label(y) == e) {
                continue;
            }
            // "Romania, which had topped the table in 2022 …, slipped to second": a year of a
            // relative clause closed before the shape dates that clause only.
            if self.span_in_closed_relative(y.start, y.end, at) {
                continue;
            }
            // "more than doubling the 17 it took in 2021": a year right after a figure dates
            // that figure (here the base of the change), not the shape. (A rank's own ordinal
            // and a change's own size are the shape itself: "grow 2.6% in 2024".)
            let figure_before = r
                .quantities
                .iter()
                .filter(|q| !matches!(q.kind, Kind::Year | Kind::Date | Kind::Ordinal))
                .filter(|q| !(q.start >= at && q.start < end))
                .rfind(|q| q.end <= y.start)
                .is_some_and(|q| {
                    let gap = &self.text[q.end..y.start];
                    !gap.contains([',', ';', ':', '(', ')'])
                        && gap.split_whitespace().count() <= 5
                        && !gap
                            .split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case("than"))
                });
            if figure_before {
                continue;
            }
            // "slipped to 2,333 tonnes, although … since its reserves were frozen in 2022": a
            // year in a later clause of its own dates that clause, not the shape.
            let later_clause = y.start >= end && {
                let between = &self.lower[end..y.start];
                [
                    ", although ",
                    ", though ",
                    " because ",
                    ", while ",
                    ", whereas ",
                    ", but ",
                    ", as ",
                    ", after ",
                    ", before ",
                    ", when ",
                    ", since ",
                    ", which ",
                    "; ",
                ]
                .iter()
                .any(|w| between.contains(w))
            };
            if later_clause {
                continue;
            }
            // "came second … despite selling more than it did in 2022": a year after "than"
            // dates what the shape is compared with.
            let compared = y.start >= end
                && self.lower[end..y.start]
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| w == "than");
            if compared {
                continue;
            }
            let before = self.before(y.start);
            let prev = before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            // (A season, "in 2022-23", is dated as printed.)
            if matches!(prev, "in" | "by" | "of" | "during" | "to") {
                return Period::Year(super::periods::year_label(y));
            }
        }
        match self.deictic_year(at, end) {
            Some((n, words)) => Period::Deictic(n, words),
            None => Period::Current,
        }
    }

    /// An earlier period named for a change: "since 2015", "from 2,400 in 2015",
    /// "compared with 2015", "than in 2015".
    pub(super) fn earlier_period(&self, years: &[&Quantity]) -> Option<String> {
        years.iter().find_map(|y| {
            let before = self.before(y.start);
            let prev = before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            let words: Vec<&str> = before
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            let after_from = words
                .iter()
                .rev()
                .take(5)
                .any(|w| matches!(*w, "from" | "since"));
            let ok = matches!(prev, "since" | "than" | "with" | "over")
                || (prev == "in" && (after_from || before.ends_with("than in")));
            ok.then(|| super::periods::year_label(y))
        })
    }

    /// Ranks, trends and shares of the sentence, and the quantities they use up (which are
    /// then not value claims of their own).
    pub(super) fn shapes(
        &self,
        linker: &Linker<'_>,
        sentence: usize,
        quantities: &[Quantity],
        inherited: Option<&[(usize, String)]>,
    ) -> (Vec<Claim>, Vec<usize>) {
        let reading = Reading {
            linker,
            sentence,
            quantities,
            inherited,
            years: quantities
                .iter()
                // (A season, "2022-23", has no one value but is a period all the same.)
                .filter(|q| {
                    matches!(q.kind, Kind::Year | Kind::Date)
                        && (q.value.is_some() || q.kind == Kind::Year)
                })
                .collect(),
        };
        let mut out = Vec::new();
        let mut used = Vec::new();
        self.ranks(&reading, &mut out);
        self.trends(&reading, &mut out, &mut used);
        self.shares(&reading, &mut out, &mut used);
        (out, used)
    }

    /// Whether `word` is a superlative of speed ("fastest", "quickest", "slowest") said of a
    /// time in the words from token `from` ("the fastest best time"): a time is fastest
    /// when it is the lowest, so the order runs the other way.
    fn speed_of_a_time(&self, word: &str, from: usize) -> bool {
        ["fastest", "quickest", "slowest"]
            .iter()
            .any(|s| word.ends_with(s))
            && (from..from + 2).any(|k| matches!(self.lower(k).as_str(), "time" | "times"))
    }

    /// Whether the noun phrase of the superlative at token `k` runs into a figure that it
    /// describes: "the lowest score of 21", "the highest total is 12", "the most votes with
    /// 99.9%".
    fn qualifies_a_figure(&self, k: usize) -> bool {
        let n = self.tokens.len();
        // "The highest league cup with a player that is Malbranque is five": a sentence that
        // opens with the superlative and ends by equating it with a figure.
        if k == 1 && self.lower(0) == "the" && n >= 4 {
            let last = self.tokens[n - 1].text;
            let copula = matches!(self.lower(n - 2).as_str(), "is" | "was" | "are" | "were");
            let figure = crate::quantity::extract(last)
                .first()
                .is_some_and(|q| q.start == 0 && q.end == last.len() && q.kind != Kind::Ordinal);
            if copula && figure {
                return true;
            }
        }
        let is_number = |i: usize| {
            self.tokens.get(i).is_some_and(|t| {
                crate::quantity::extract(t.text)
                    .first()
                    .is_some_and(|q| q.start == 0 && q.kind != Kind::Ordinal)
            })
        };
        for i in k + 1..(k + 7).min(n) {
            let w = self.lower(i);
            // Only within the superlative's own phrase: "the most medals overall, with 113"
            // ranks and gives a figure, two claims.
            let gap = &self.text[self.tokens[i - 1].end..self.tokens[i].start];
            if gap.contains([',', ';', '.', ':'])
                || !w.chars().all(|c| c.is_alphanumeric() || c == '-')
            {
                return false;
            }
            if matches!(
                w.as_str(),
                "of" | "at" | "with" | "was" | "is" | "were" | "are"
            ) {
                let hedge = matches!(
                    self.lower(i + 1).as_str(),
                    "about" | "over" | "under" | "only" | "just" | "nearly" | "almost" | "around"
                );
                return is_number(i + 1 + usize::from(hedge));
            }
        }
        false
    }

    fn ranks(&self, r: &Reading<'_, '_>, out: &mut Vec<Claim>) {
        let n = self.tokens.len();
        let mut taken = vec![false; n];
        // Ordinals read by the grammar: "second-largest", "top five", "third", "No. 1".
        for q in r.quantities.iter().filter(|q| q.kind == Kind::Ordinal) {
            let Some(v) = q.value.filter(|v| *v >= 1.0 && *v <= 1000.0) else {
                continue;
            };
            let v = v as u32;
            let from = self.token_at(q.start);
            let to = self.token_at(q.end).max(from + 1).min(n);
            let lower = q.text.to_lowercase();
            let before: Vec<String> = (from.saturating_sub(3)..from)
                .map(|k| self.lower(k))
                .collect();
            let prev = before.last().map(String::as_str).unwrap_or("");
            let next = self.lower(to);
            // "2 more points than the player ranked first", "compared to the second highest":
            // the place of the row compared with, which the text does not name.
            let compared_with = (from.saturating_sub(5)..from).rev().any(|i| {
                let w = self.lower(i);
                let later = self.lower(i + 1);
                w == "than" || (w == "compared" && matches!(later.as_str(), "to" | "with"))
            }) && !self.text
                [self.tokens[from.saturating_sub(5)].start..q.start]
                .contains([',', ';']);
            if compared_with {
                continue;
            }
            let of_time = self.speed_of_a_time(&lower, to) || self.speed_of_a_time(&next, to + 1);
            let low_word = LOW.iter().any(|w| lower.ends_with(w)) || LOW.contains(&next.as_str());
            let rank = if lower.starts_with("top") {
                // "among the top five", "in the top three", "capping off the top five …":
                // membership, not a position (a reading the rule's documentation states).
                // ("slipped out of the top ten", "outside the top five": not a member.)
                let outside = before
                    .iter()
                    .any(|w| matches!(w.as_str(), "out" | "outside"));
                let member = !outside
                    && before.iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "among" | "in" | "within" | "of" | "off" | "inside" | "into"
                        )
                    });
                member.then_some(Rank::Top(v))
            } else if low_word != of_time {
                Some(Rank::FromBottom(v))
            } else if of_time
                || self.on_the_list(to)
                || HIGH.iter().any(|w| lower.ends_with(&w.to_lowercase()))
                || HIGH.contains(&next.as_str())
                || matches!(
                    prev,
                    "ranks"
                        | "ranked"
                        | "ranking"
                        | "came"
                        | "finished"
                        | "placed"
                        | "sits"
                        | "stood"
                        | "close"
                        | "comes"
                        | "finishes"
                        | "to"
                )
                || lower.starts_with("no")
            {
                Some(Rank::Position(v))
            } else {
                None
            };
            let Some(rank) = rank else { continue };
            let end = if HIGH.contains(&next.as_str()) || LOW.contains(&next.as_str()) {
                to + 1
            } else {
                to
            };
            for t in taken.iter_mut().take(end.min(n)).skip(from) {
                *t = true;
            }
            let span = self.phrase(from, end.min(n), Kind::Ordinal, Some(f64::from(v)));
            // "pushing Dallas down to third": the place moved is the object just before, which
            // the subject rule skips; rather than guess, leave such a rank unread.
            if prev == "to" {
                let nearest = self.mentions.iter().rfind(|m| m.tok_end <= from);
                let chosen = self.subject(from);
                if nearest.map(|m| m.tok_start) != chosen.map(|m| m.tok_start) {
                    continue;
                }
            }
            let subject = self.subject(from);
            out.push(self.tie(r, span, subject, Shape::Rank(rank)));
        }
        // Superlatives without a number: "the top exporter", "the largest source", "the most".
        for (k, &done) in taken.iter().enumerate().skip(1) {
            if done || self.lower(k - 1) != "the" {
                continue;
            }
            let w = self.lower(k);
            let high = HIGH.iter().any(|h| h.eq_ignore_ascii_case(&w)) && w != "no";
            let low = LOW.contains(&w.as_str());
            if !(high || low) {
                continue;
            }
            // "the most" needs a noun after it that the table measures or a place ("the
            // most fighters"); "the main" and "the leading" need a noun too.
            // … and not "at the top of the table", "the most of it".
            let next = self.lower(k + 1);
            // "for the most part", "the most recent": idioms, not places in an order. "The
            // biggest increase" ranks a change, not the level the table holds.
            if next.is_empty()
                || (super::types::change_noun(&next).is_some()
                    && !self.metric_terms.iter().any(|(i, _, _)| *i == k + 1))
                || matches!(next.as_str(), "part" | "recent" | "likely")
                || next.starts_with(|c: char| c.is_ascii_digit())
                || next == "of"
                || crate::quantity::extract(&next)
                    .first()
                    .is_some_and(|q| q.start == 0)
            {
                continue;
            }
            // "the lowest score of 21", "the highest grid value was 14.0", "the most
            // withdrawal at 82.75": the superlative qualifies the figure it gives, which is
            // checked as a value; it places no row in an order by itself.
            if self.qualifies_a_figure(k) {
                continue;
            }
            // "the largest landlocked country": a superlative within a category the table
            // does not define; "the largest country", "the top exporter" are plain.
            let after_next = self.lower(k + 2);
            if matches!(
                after_next.as_str(),
                "country"
                    | "countries"
                    | "nation"
                    | "nations"
                    | "state"
                    | "city"
                    | "economy"
                    | "producer"
                    | "exporter"
                    | "importer"
                    | "team"
                    | "club"
                    | "party"
                    | "film"
                    | "river"
                    | "building"
                    | "mountain"
                    | "planet"
                    | "car"
                    | "model"
                    | "brand"
                    | "vehicle"
                    | "company"
                    | "firm"
                    | "airport"
                    | "airline"
                    | "operator"
                    | "vendor"
                    | "maker"
                    | "manufacturer"
                    | "source"
                    | "market"
                    | "destination"
                    | "region"
                    | "province"
                    | "university"
                    | "school"
                    | "player"
                    | "driver"
            ) && !self.metric_terms.iter().any(|(i, _, _)| *i == k + 1)
            {
                continue;
            }
            // "the fastest time" is the lowest time, "the slowest time" the highest.
            let rank = if high != self.speed_of_a_time(&w, k + 1) {
                Rank::Position(1)
            } else {
                Rank::FromBottom(1)
            };
            let span = self.phrase(k - 1, k + 1, Kind::Ordinal, Some(1.0));
            let subject = self.subject(k - 1);
            out.push(self.tie(r, span, subject, Shape::Rank(rank)));
        }
        // "more … than any other", "followed by Y", "ahead of Y", "tied with Y",
        // "more … than Y", "Only A and B … more … than X".
        for k in 0..n {
            let w = self.lower(k);
            let next = self.lower(k + 1);
            let mention_at = |i: usize| self.mentions.iter().find(|m| m.tok_start == i);
            let other = match (w.as_str(), next.as_str()) {
                ("followed", "by") | ("ahead", "of") | ("tied", "with") | ("level", "with") => {
                    mention_at(k + 2).map(|m| (m, w.clone()))
                }
                ("than", _) => {
                    let skip = usize::from(next == "in" || next == "from");
                    mention_at(k + 1 + skip).map(|m| (m, w.clone()))
                }
                _ => None,
            };
            if w == "than" && next == "any" {
                // "more than any country except the United States", "gained two seats, more
                // than any other state" (a rank of the gain, not of the level): not read.
                let after: Vec<String> = (k + 2..(k + 6).min(n)).map(|i| self.lower(i)).collect();
                let excepted = after.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "except" | "besides" | "bar" | "save" | "apart" | "but"
                    )
                }) || after.windows(2).any(|p| p[0] == "other" && p[1] == "than");
                let clause_start = self.text[..self.tokens[k].start]
                    .rfind(['.', ';'])
                    .map_or(0, |i| i + 1);
                let of_change = (0..k).any(|i| {
                    self.tokens[i].start >= clause_start
                        && (UP.contains(&self.lower(i).as_str())
                            || DOWN.contains(&self.lower(i).as_str()))
                });
                if excepted || of_change {
                    continue;
                }
                // "more fighters than any other country": the top rank.
                let comparative = (k.saturating_sub(4)..k)
                    .map(|i| (i, self.lower(i)))
                    .find(|(_, w)| matches!(w.as_str(), "more" | "fewer" | "less"));
                // "added more jobs than any other state": a rank by jobs, which no metric of
                // the table names, is no rank by the metric named elsewhere in the sentence.
                let names_a_metric = comparative.as_ref().is_some_and(|(c, _)| {
                    // The counted noun after "more", or a term earlier in the same clause
                    // ("won 1st place … more than any other country").
                    let clause = (0..*c)
                        .rev()
                        .find(|i| {
                            self.text[self.tokens[*i].end..self.tokens[i + 1].start]
                                .contains([',', ';'])
                        })
                        .map_or(0, |i| i + 1);
                    (clause..k).any(|i| self.metric_terms.iter().any(|(j, _, _)| *j == i))
                });
                let comparative = comparative.filter(|_| names_a_metric);
                if let Some((at, c)) = comparative {
                    let rank = if c == "more" {
                        Rank::Position(1)
                    } else {
                        Rank::FromBottom(1)
                    };
                    let span = self.phrase(k, (k + 3).min(n), Kind::Ordinal, Some(1.0));
                    // The subject stands before the comparative ("Ohio had more … than").
                    let subject = self.subject(at);
                    out.push(self.tie(r, span, subject, Shape::Rank(rank)));
                }
                continue;
            }
            let Some((other, word)) = other else { continue };
            let Some((_, other_name)) = other.entities.first().cloned() else {
                continue;
            };
            // "Celta had 24 wins, two more than Sevilla with 22", "China won 40, followed by
            // the US with 38": each side's figure is checked as a value; the order they imply
            // adds no claim of its own.
            let figures = r
                .quantities
                .iter()
                .filter(|q| !matches!(q.kind, Kind::Year | Kind::Date | Kind::Ordinal))
                .count();
            // "X was pick 168, followed by Y, pick 169": a term said for each side labels
            // each one's own figure, and the order adds nothing.
            let labelled = |i: &usize| {
                self.tokens
                    .get(i + 1)
                    .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
            };
            let labelled_twice = self.metric_terms.iter().any(|(i, _, m)| {
                *i < k && labelled(i) && {
                    self.metric_terms
                        .iter()
                        .any(|(j, _, m2)| *j > k && m2 == m && labelled(j))
                }
            });
            if (figures >= 2 || labelled_twice) && word != "tied" && word != "level" {
                continue;
            }
            let rank = match word.as_str() {
                "followed" => Rank::FollowedBy(other_name),
                "ahead" => Rank::Above(other_name),
                "tied" | "level" => Rank::Tied(other_name),
                _ => {
                    // "than": a comparative a few words before decides the direction.
                    let comparative = (k.saturating_sub(5)..k).map(|i| self.lower(i)).rfind(|w| {
                        matches!(
                            w.as_str(),
                            "more" | "fewer" | "less" | "larger" | "smaller" | "higher" | "lower"
                        )
                    });
                    // "fourteen fewer medals than Turkey": the noun compared names the
                    // metric; a noun no metric's term names leaves the order unread.
                    let counted = (k.saturating_sub(5)..k).rfind(|&i| {
                        matches!(
                            self.lower(i).as_str(),
                            "more" | "fewer" | "less" | "larger" | "smaller" | "higher" | "lower"
                        )
                    });
                    if counted.is_some_and(|i| self.counts_an_unmeasured_noun(i)) {
                        continue;
                    }
                    match comparative.as_deref() {
                        Some("more" | "larger" | "higher") => {
                            if let Some(list) = self.only_list(k) {
                                Rank::OnlyAbove(list)
                            } else {
                                Rank::Above(other_name)
                            }
                        }
                        Some(_) => Rank::Below(other_name),
                        None => continue,
                    }
                }
            };
            let subject = match &rank {
                Rank::OnlyAbove(_) => Some(other),
                // Never another mention of the row compared with ("… than Turkey, yet was
                // ranked higher than Turkey").
                _ => self.mentions.iter().rfind(|m| {
                    m.tok_end <= k
                        && m.tok_start != other.tok_start
                        && !m.entities.iter().any(|e| other.entities.contains(e))
                }),
            };
            let Some(subject) = subject else { continue };
            let span = match &rank {
                Rank::OnlyAbove(_) => self.phrase(0, other.tok_end, Kind::Ordinal, None),
                _ => self.phrase(k, other.tok_end, Kind::Ordinal, None),
            };
            out.push(self.tie(r, span, Some(subject), Shape::Rank(rank)));
        }
    }

    /// Whether the tokens from `k` read "on the (all-time) list", "in the medal table":
    /// an order the table gives, with no narrower scope ("the women's list" is one).
    fn on_the_list(&self, k: usize) -> bool {
        if !matches!(self.lower(k).as_str(), "on" | "in") || self.lower(k + 1) != "the" {
            return false;
        }
        let mut i = k + 2;
        while i < self.tokens.len() && i <= k + 4 {
            let w = self.lower(i);
            if matches!(
                w.as_str(),
                "list"
                    | "table"
                    | "ranking"
                    | "rankings"
                    | "standings"
                    | "chart"
                    | "leaderboard"
                    | "tally"
            ) {
                return true;
            }
            if !matches!(
                w.as_str(),
                "all-time" | "overall" | "final" | "medal" | "world" | "global" | "current"
            ) {
                return false;
            }
            i += 1;
        }
        false
    }

    /// "Only A, B and C have more … than X": the names after "only", up to the comparative.
    fn only_list(&self, than: usize) -> Option<Vec<String>> {
        let only = (0..than).rfind(|&i| self.lower(i) == "only")?;
        let first = self
            .mentions
            .iter()
            .find(|m| m.tok_start > only && m.tok_end <= than)?;
        let group = self.coordinated_from(first);
        let names: Vec<String> = group
            .iter()
            .filter_map(|m| m.entities.first().map(|(_, e)| e.clone()))
            .collect();
        (!names.is_empty()).then_some(names)
    }

    fn trends(&self, r: &Reading<'_, '_>, out: &mut Vec<Claim>, used: &mut Vec<usize>) {
        let n = self.tokens.len();
        for k in 0..n {
            let w = self.lower(k);
            let multiple = r.quantities.iter().position(|q| {
                q.kind == Kind::Multiple
                    && self.token_at(q.start) <= k
                    && k < self.token_at(q.end).max(self.token_at(q.start) + 1)
            });
            // "edged down", "inched up", "ticked higher": a verb of small movement takes its
            // direction from the particle after it.
            let particle = matches!(
                w.as_str(),
                "edged"
                    | "inched"
                    | "ticked"
                    | "crept"
                    | "nudged"
                    | "edging"
                    | "inching"
                    | "ticking"
            )
            .then(|| self.lower(k + 1));
            let direction = if UP.contains(&w.as_str()) {
                Direction::Up
            } else if DOWN.contains(&w.as_str()) {
                Direction::Down
            } else if matches!(particle.as_deref(), Some("up" | "higher")) {
                Direction::Up
            } else if matches!(particle.as_deref(), Some("down" | "lower")) {
                Direction::Down
            } else if let Some(i) = multiple {
                // Only a verb of change is a trend ("doubled", "nearly tripled", "halving");
                // "twice" and "double" alone are counts or ratios ("won it twice").
                let text = r.quantities[i].text.to_lowercase();
                let verb = text.ends_with("ed") || text.ends_with("ing") || text.ends_with("les");
                if !verb || !text.ends_with(&w) {
                    continue;
                }
                if r.quantities[i].value.unwrap_or(1.0) >= 1.0 {
                    Direction::Up
                } else {
                    Direction::Down
                }
            } else {
                continue;
            };
            // "the rising cost of living": a participle after a determiner describes a noun.
            if w.ends_with("ing")
                && k >= 1
                && matches!(
                    self.lower(k - 1).as_str(),
                    "the" | "a" | "an" | "its" | "their"
                )
            {
                continue;
            }
            // Predictions, negations and conditions are not claims about the table.
            let hedged = (k.saturating_sub(3)..k).any(|i| {
                matches!(
                    self.lower(i).as_str(),
                    "not"
                        | "never"
                        | "no"
                        | "will"
                        | "would"
                        | "could"
                        | "may"
                        | "might"
                        | "likely"
                        | "expected"
                        | "projected"
                        | "forecast"
                        | "predicted"
                        | "if"
                        | "unless"
                        | "should"
                        | "n't"
                )
            });
            if hedged || self.is_hypothesis(self.tokens[k].start) {
                continue;
            }
            // "climbed to tenth place", "fell to third", "slid from third to sixth", "dropped
            // two places": a move in the order, not a change of the metric's value.
            let moves_in_order = (k + 1..(k + 5).min(n)).any(|i| {
                matches!(
                    self.lower(i).as_str(),
                    "place" | "places" | "spot" | "spots" | "position" | "positions"
                ) || (self.lower(i) == "to"
                    && self.tokens.get(i + 1).is_some_and(|t| {
                        r.quantities
                            .iter()
                            .any(|q| q.start == t.start && q.kind == Kind::Ordinal)
                    }))
            });
            if moves_in_order {
                continue;
            }
            let verb_end = k + 1;
            let mut size = None;
            let mut span_end = verb_end;
            if let Some(i) = multiple {
                size = Some(ChangeSize::Factor(r.quantities[i].clone()));
                span_end = self.token_at(r.quantities[i].end).max(verb_end);
            } else {
                // "by 500", "by about 30 percent", "of 500", "up 1,000", "… 200 more"
                let after = self
                    .tokens
                    .get(verb_end)
                    .map_or(self.text.len(), |t| t.start);
                let rest = self.text[after..].to_lowercase();
                let lead = ["by ", "of ", "up ", "down ", ""]
                    .iter()
                    .find(|p| rest.starts_with(*p));
                if let Some(lead) = lead {
                    let at = after + lead.len();
                    if let Some(i) = r.quantities.iter().position(|q| q.start == at) {
                        let q = &r.quantities[i];
                        if !lead.is_empty()
                            && matches!(q.kind, Kind::Number | Kind::Money | Kind::Range)
                        {
                            size = Some(ChangeSize::Absolute(q.clone()));
                            used.push(i);
                            span_end = self.token_at(q.end).max(verb_end);
                        } else if q.kind == Kind::Percent {
                            // "grew about 53% of the world's cocoa": a share the verb's
                            // subject holds, read as a share, not the size of a change.
                            if self.lower[q.end.min(self.lower.len())..].starts_with(" of ") {
                                continue;
                            }
                            size = Some(ChangeSize::Percent(q.clone()));
                            used.push(i);
                            span_end = self.token_at(q.end).max(verb_end);
                        } else if q.kind == Kind::Multiple {
                            // "grows more than five times as much rice as Pakistan": a
                            // comparison of two rows, read as one, not a change.
                            let rest = self.lower[q.end.min(self.lower.len())..].trim_start();
                            if ["as ", "that of", "the "]
                                .iter()
                                .any(|p| rest.starts_with(p))
                            {
                                continue;
                            }
                            size = Some(ChangeSize::Factor(q.clone()));
                            span_end = self.token_at(q.end).max(verb_end);
                        }
                    }
                }
            }
            let from = self.earlier_period(&r.years);
            // A change stated as "from A in 2015 to B": the values carry the ends and are
            // checked as values; the trend word is checked between their periods.
            // The span starts at the hedge of a factor ("nearly doubled").
            let span_start = multiple.map_or(k, |i| self.token_at(r.quantities[i].start).min(k));
            let span = self.phrase(span_start, span_end.min(n), Kind::Multiple, None);
            // "as tax receipts surged": the verb's own subject is a noun no table holds;
            // "drought halved plantings": so is its object.
            let unknown = self
                .unknown_subject_of_verb(k)
                .or_else(|| self.unknown_object_of_verb(r, k))
                .or_else(|| {
                    self.share_subject_of_verb(k)
                        .filter(|_| !self.percent_metric_in_play(r))
                });
            if let Some(noun) = unknown {
                let mut claim = Claim::new(self.placed(&span), r.sentence, Role::Value, {
                    Shape::Trend(Trend {
                        direction,
                        from: None,
                        size: None,
                        ends: None,
                    })
                });
                claim.unlinked = Some(format!("the change is of {noun}, which no table names"));
                out.push(claim);
                continue;
            }
            let subject = self.subject(k);
            let ends = self.stated_ends(r, span_end.min(n));
            let trend = Trend {
                direction,
                from,
                size,
                ends,
            };
            out.push(self.tie(r, span, subject, Shape::Trend(trend)));
        }
        // "about 200 more": an absolute change after the number.
        for (i, q) in r.quantities.iter().enumerate() {
            if !matches!(q.kind, Kind::Number) || used.contains(&i) {
                continue;
            }
            let rest = self.after(q.end);
            let direction = if rest.starts_with("more than in")
                || rest.starts_with("more than") && !rest.starts_with("more than any")
            {
                Direction::Up
            } else if rest.starts_with("fewer than") || rest.starts_with("less than") {
                Direction::Down
            } else {
                continue;
            };
            let from = self.earlier_period(&r.years);
            if from.is_none() {
                continue;
            }
            used.push(i);
            let k = self.token_at(q.start);
            let span = Quantity {
                end: q.end + 5,
                text: self.text[q.start..q.end + 5].to_string(),
                ..q.clone()
            };
            let subject = self.subject(k);
            let trend = Trend {
                direction,
                from,
                size: Some(ChangeSize::Absolute(q.clone())),
                ends: None,
            };
            out.push(self.tie(r, span, subject, Shape::Trend(trend)));
        }
    }

    /// The plain noun phrase that is the subject of the verb at token `k` when it names
    /// nothing the tables know: "as [tax receipts] surged". `None` when the words before the
    /// verb hold a name, a metric's term, a pronoun or a word that refers back ("the figure").
    /// The subject of the verb at token `k` when it is a demonym and a noun no metric names,
    /// and the verb names no metric either: "Chinese refiners turn two-thirds of the world's
    /// lithium" speaks of the refiners in China, a group no row holds. ("Chinese mines
    /// produce …" names the metric by "mines" or "produce".)
    fn demonym_qualified_subject(&self, k: usize) -> Option<String> {
        let noun = k.checked_sub(1)?;
        let t = &self.tokens[noun];
        let plain = t.text.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        if !plain
            || words::is_function_word(&self.lower(noun))
            || self.in_term(noun)
            || self.in_term(k)
            || self.text[t.end..self.tokens[k].start].trim() != ""
        {
            return None;
        }
        let m = self
            .mentions
            .iter()
            .find(|m| m.tok_end == noun && m.demonym)?;
        if self.text[m.end..t.start].trim() != "" {
            return None;
        }
        Some(format!("{} {}", &self.text[m.start..m.end], t.text))
    }

    pub(super) fn unknown_subject_of_verb(&self, k: usize) -> Option<String> {
        let mut j = k;
        while j > 0 && {
            let w = self.lower(j - 1);
            (w.ends_with("ly") && w.len() > 4)
                || matches!(
                    w.as_str(),
                    "also" | "still" | "again" | "further" | "have" | "has" | "had" | "all"
                )
        } {
            j -= 1;
        }
        let mut noun = Vec::new();
        while j > 0 && noun.len() < 4 {
            let i = j - 1;
            if self.clause_break_after(i) {
                break;
            }
            if self.is_named(i) {
                return None;
            }
            let w = self.lower(i);
            if words::is_pronoun(&w)
                || words::counted_noun_is_generic(&w)
                || words::refers_back(&w)
                || w.contains(['\'', '’'])
            {
                return None;
            }
            let t = &self.tokens[i];
            let plain = t.text.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                || (i == 0 && t.text.chars().skip(1).all(|c| c.is_ascii_lowercase()));
            if words::is_function_word(&w) {
                break;
            }
            if !plain {
                return None;
            }
            noun.push(w);
            j = i;
        }
        // "the number of Russians who joined the group climbed": a noun after "of" or inside
        // a relative clause is not the verb's subject; its head is further back.
        let clause_start = (0..j)
            .rev()
            .find(|&i| self.clause_break_after(i))
            .map_or(0, |i| i + 1);
        let embedded = (clause_start..j).any(|i| {
            matches!(
                self.lower(i).as_str(),
                "of" | "who" | "which" | "that" | "whose" | "whom"
            )
        });
        if noun.is_empty() || embedded {
            return None;
        }
        noun.reverse();
        Some(noun.join(" "))
    }

    /// Whether a metric kept in percent is in play for the sentence: named in it, inherited
    /// from the text before, or the only metric of its table. A share word may name it.
    fn percent_metric_in_play(&self, r: &Reading<'_, '_>) -> bool {
        let tables = &r.linker.tables;
        let percent = |t: usize, m: &str| tables[t].metric(m).is_some_and(|x| x.in_percent());
        self.metric_terms.iter().any(|(_, t, m)| percent(*t, m))
            || r.inherited
                .is_some_and(|ms| ms.iter().any(|(t, m)| percent(*t, m)))
            || tables
                .iter()
                .any(|t| matches!(t.metrics.as_slice(), [only] if only.in_percent()))
    }

    /// "Spain's share fell", "the proportion of visitors who came by air rose": the head of
    /// the verb's subject is a share that no metric names, so the change is of that share and
    /// not of the level a term in its "of" phrase names.
    fn share_subject_of_verb(&self, k: usize) -> Option<String> {
        let mut j = k;
        let mut seen = 0;
        while j > 0 && seen < 8 {
            let i = j - 1;
            if self.clause_break_after(i) {
                return None;
            }
            let w = self.lower(i);
            if matches!(
                w.as_str(),
                "share" | "proportion" | "percentage" | "portion"
            ) {
                let head = i + 1 == k || self.lower(i + 1) == "of";
                return (head && !self.in_term(i)).then(|| format!("a {w}"));
            }
            // A verb between them: the share belongs to another clause.
            if super::types::change_verb(&w).is_some()
                || matches!(
                    w.as_str(),
                    "is" | "was" | "are" | "were" | "has" | "had" | "have" | "said" | "says"
                )
            {
                return None;
            }
            seen += 1;
            j = i;
        }
        None
    }

    /// The plain noun right after the verb at token `k` that is its object and names nothing
    /// the tables know: "halved [plantings]". Adverbs ("rose sharply", "fell further") and
    /// numbers are no object.
    fn unknown_object_of_verb(&self, r: &Reading<'_, '_>, k: usize) -> Option<String> {
        let t = self.tokens.get(k + 1)?;
        if &self.text[self.tokens[k].end..t.start] != " " {
            return None;
        }
        let w = t.text.to_lowercase();
        let known = self.is_named(k + 1);
        let plain = t.text.chars().all(|c| c.is_ascii_lowercase()) && w.len() > 2;
        let adverb = w.ends_with("ly")
            || matches!(
                w.as_str(),
                "again"
                    | "further"
                    | "back"
                    | "short"
                    | "overall"
                    | "year"
                    | "last"
                    | "this"
                    | "each"
                    | "every"
                    | "about"
                    | "some"
                    | "around"
                    | "more"
                    | "less"
                    | "most"
                    | "least"
                    | "then"
                    | "too"
                    | "also"
                    | "still"
                    | "down"
                    | "higher"
                    | "lower"
                    | "sharp"
                    | "fast"
                    | "hard"
                    | "steady"
                    | "percent"
                    | "per"
                    | "cent"
                    | "points"
                    | "fold"
            );
        let number = r
            .quantities
            .iter()
            .any(|q| q.start <= t.start && t.start < q.end);
        (plain && !known && !adverb && !number && !words::is_function_word(&w)).then_some(w)
    }

    /// The ends of a change stated right after its verb (token `k` onwards): "from 24 seats
    /// to nine", "to 3.1% from 2.8%". A unit noun may follow each figure; years and dates are
    /// no ends.
    fn stated_ends(&self, r: &Reading<'_, '_>, k: usize) -> Option<Box<(Quantity, Quantity)>> {
        let figure_at = |byte: usize| {
            r.quantities
                .iter()
                .find(|q| q.start == byte && !matches!(q.kind, Kind::Year | Kind::Date))
        };
        // The figure after `word` at token `i`, and the token after that figure's phrase.
        let after_word = |i: usize, word: &str| -> Option<(&Quantity, usize)> {
            (self.lower(i) == word).then_some(())?;
            let q = figure_at(self.tokens.get(i + 1)?.start)?;
            let next = self.token_at(q.end);
            // At most one unit noun between the figure and the next word: "24 seats to".
            let skip = (next..(next + 2).min(self.tokens.len()))
                .find(|&j| matches!(self.lower(j).as_str(), "to" | "from"))?;
            Some((q, skip))
        };
        let (first, next) = after_word(k, "from").or_else(|| after_word(k, "to"))?;
        let second = figure_at(self.tokens.get(next + 1)?.start)?;
        let first_word = self.lower(k);
        if self.lower(next) == first_word {
            return None;
        }
        if first_word == "from" {
            Some(Box::new((first.clone(), second.clone())))
        } else {
            Some(Box::new((second.clone(), first.clone())))
        }
    }

    fn shares(&self, r: &Reading<'_, '_>, out: &mut Vec<Claim>, used: &mut Vec<usize>) {
        // Whether a table's metric is kept in percent.
        let percent_in =
            |t: &crate::table::Table, m: &str| t.metric(m).is_some_and(|x| x.in_percent());
        for (i, q) in r.quantities.iter().enumerate() {
            if !matches!(q.kind, Kind::Fraction | Kind::Percent) {
                continue;
            }
            let rest = &self.text[q.end..];
            let lower = rest.to_lowercase();
            if !(lower.starts_with(" of ") || lower.starts_with(" of\n")) {
                continue;
            }
            used.push(i);
            // The whole: "of the 800 British nationals who left" — its metric is the term
            // nearest the base; the part's metric is the sentence's other metric.
            let base = r.quantities.iter().find(|b| {
                b.start > q.end && b.start <= q.end + 9 && matches!(b.kind, Kind::Number)
            });
            let terms: Vec<(usize, usize, String)> = self.metric_terms.clone();
            let anchor = base.map_or(q.end, |b| b.end);
            let anchor_tok = self.token_at(anchor);
            let whole_term = terms
                .iter()
                .filter(|(k, _, _)| *k >= anchor_tok)
                .min_by_key(|(k, _, _)| *k - anchor_tok)
                .cloned();
            let part_term = terms
                .iter()
                .filter(|(_, _, m)| whole_term.as_ref().is_none_or(|(_, _, w)| w != m))
                .max_by_key(|(k, _, _)| *k)
                .cloned();
            let from = self.token_at(q.start);
            let to = self.token_at(q.end).max(from + 1);
            let span = Quantity { ..q.clone() };
            // The part's owner: named before the fraction, or within its "of the 800 Britons".
            let subject = self.subject(from).or_else(|| {
                self.mentions
                    .iter()
                    .find(|m| m.tok_start >= to && m.tok_start <= to + 5)
            });
            // "the Patriots and the Steelers have won … about a fifth", "the two countries
            // together account for more than half": a share of a group.
            let head = &self.lower[self.lower[..q.start].rfind(';').map_or(0, |i| i + 1)..q.start];
            let together = head
                .split(|c: char| !c.is_alphabetic())
                .any(|w| matches!(w, "together" | "combined" | "jointly"))
                || head.contains("between them");
            // "59% of Russia's spending": a ratio to another row's figure, not a share of a
            // whole the table holds.
            let of_tok = self.token_at(q.end);
            // ("a quarter of the world's wheat" is a share of the whole.)
            let possessive_whole = self
                .mentions
                .iter()
                .filter(|m| !names_the_whole(m, r.linker))
                .any(|m| {
                    (m.tok_start == of_tok + 1
                        || (m.tok_start == of_tok + 2 && self.lower(of_tok + 1) == "the"))
                        && self.is_possessive(m)
                });
            // "about a third of US laureates were born abroad": a name that qualifies the
            // whole's noun makes it that row's own figure, of which the part, named by no
            // metric, is some unknown group. ("a third of the American medals were gold"
            // names the part.)
            let qualified_whole = part_term.is_none()
                && self.mentions.iter().any(|m| {
                    let at = m.tok_start == of_tok + 1
                        || (m.tok_start == of_tok + 2 && self.lower(of_tok + 1) == "the");
                    at && !names_the_whole(m, r.linker)
                        && self.text[m.end.min(self.text.len())..]
                            .strip_prefix(' ')
                            .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()))
                        && !self.lower[m.end..].trim_start().starts_with("and ")
                });
            let several = together || subject.is_some_and(|m| self.coordinated_to(m).len() > 1);
            // (On a table of percentages, "37% of its electricity from renewables" is a value
            // of the metric named after the whole, read below.)
            let percent_term = whole_term
                .as_ref()
                .or(part_term.as_ref())
                .is_some_and(|(_, t, m)| percent_in(&r.linker.tables[*t], m));
            // "businesses performed about 73% of all research": the part is a noun no table
            // holds, not a row.
            let holder = from
                .checked_sub(1)
                .filter(|&v| {
                    let t = &self.tokens[v];
                    t.text.chars().all(|c| c.is_ascii_lowercase())
                        && !words::is_function_word(&self.lower(v))
                        && !self.is_named(v)
                        && &self.text[t.end..q.start.max(t.end)] == " "
                })
                .and_then(|v| {
                    let row_noun = |noun: &String, row: fn(&str) -> bool| {
                        let head = noun.rsplit(' ').next().unwrap_or("");
                        let singular = head.strip_suffix('s').unwrap_or(head);
                        row(head) || row(singular)
                    };
                    // ("French films", "Chinese firms": a group of such rows from that
                    // place, not the place's row; "Chinese producers" is China.)
                    let trade = |w: &str| matches!(w, "producer" | "exporter" | "importer");
                    self.unknown_subject_of_verb(v)
                        .filter(|noun| !row_noun(noun, words::stands_for_a_row))
                        .or_else(|| {
                            self.demonym_qualified_subject(v)
                                .filter(|noun| !row_noun(noun, trade))
                        })
                });
            let narrowed = self.whole_unmeasured(of_tok).filter(|_| !percent_term);
            let held = holder.map(|noun| format!("a share held by {noun}, which no table names"));
            let unread = if let Some(why) = narrowed.as_ref().or(held.as_ref()) {
                Some(why.as_str())
            } else if possessive_whole || qualified_whole {
                Some("a share of another row's figure, not of a whole")
            } else if several {
                Some("a share held by several together")
            } else {
                None
            };
            if let Some(reason) = unread {
                let mut claim = Claim::new(
                    self.placed(q),
                    r.sentence,
                    Role::Value,
                    Shape::Share(Share {
                        fraction: q.clone(),
                        whole_metric: String::new(),
                        whole_entity: String::new(),
                    }),
                );
                claim.unlinked = Some(reason.into());
                out.push(claim);
                continue;
            }
            // With one metric in the sentence ("more than two-thirds of the total" seats),
            // part and whole share it and the whole is the table's total.
            let (part_metric, whole_metric) = match (&part_term, &whole_term) {
                (Some(p), Some(w)) => (Some(p.clone()), w.2.clone()),
                (None, Some(w)) => (None, w.2.clone()),
                (Some(p), None) => (None, p.2.clone()),
                (None, None) => (None, String::new()),
            };
            let shape_share = |whole_entity: String| {
                Shape::Share(Share {
                    fraction: q.clone(),
                    whole_metric: whole_metric.clone(),
                    whole_entity,
                })
            };
            // "51.3% of the total" against a table of percentages is a value, not a share.
            let percent_metric = |m: &str| r.linker.tables.iter().any(|t| percent_in(t, m));
            if !whole_metric.is_empty() && percent_metric(&whole_metric) {
                used.retain(|u| *u != i);
                continue;
            }
            let mut claim = self.tie(r, span, subject, shape_share(String::new()));
            // The part's metric is the other metric of the sentence; with one metric, the
            // whole is the table's total.
            match (part_metric, claim.table) {
                (Some((_, t, m)), Some(ct)) if t == ct => {
                    claim.metric = Some(m);
                    if let (Some(e), Shape::Share(s)) = (claim.entity.clone(), &mut claim.shape) {
                        s.whole_entity = e;
                    }
                }
                (None, Some(ct)) if !whole_metric.is_empty() => {
                    claim.metric = Some(whole_metric.clone());
                    match (r.linker.tables[ct].total.clone(), &mut claim.shape) {
                        (Some(total), Shape::Share(s)) => s.whole_entity = total,
                        _ => claim.unlinked = Some("no whole to take the share of".into()),
                    }
                }
                _ => {
                    if claim.unlinked.is_none() {
                        claim.unlinked = Some("no whole to take the share of".into());
                    }
                }
            }
            if whole_metric.is_empty() && claim.unlinked.is_none() {
                claim.unlinked = Some("no whole to take the share of".into());
            }
            // The base printed in the sentence is the whole's value: check it as one.
            if let Some(b) = base {
                if let Some(bi) = r.quantities.iter().position(|x| std::ptr::eq(x, b)) {
                    used.push(bi);
                }
                let mut whole = Claim::new(self.placed(b), r.sentence, Role::Whole, Shape::Value);
                match (&claim.shape, claim.table, &claim.period, &claim.unlinked) {
                    (Shape::Share(sh), Some(t), Some(p), None) if !sh.whole_entity.is_empty() => {
                        let (e, m) = (sh.whole_entity.clone(), sh.whole_metric.clone());
                        let found = Found::stated("the whole of the share");
                        let picked = ((t, m), found.clone());
                        let period = Period::Year(p.clone());
                        whole = self.finish(r.linker, whole, (e, found), picked, period);
                        // The whole is read as its share is.
                        whole.evidence = claim.evidence.clone();
                    }
                    _ => {
                        whole.unlinked =
                            Some("the whole of a share that is not tied to a row".into())
                    }
                }
                out.push(whole);
            }
            out.push(claim);
        }
    }
}

/// Whether a mention names the whole a table's rows make up: the world, or a table's
/// `total` ("the EU" of an EU table).
fn names_the_whole(m: &Mention, linker: &Linker<'_>) -> bool {
    m.place == Some(crate::gazetteer::PlaceKind::World)
        || m.entities.iter().any(|(t, e)| {
            linker.tables[*t]
                .total
                .as_ref()
                .is_some_and(|total| total.eq_ignore_ascii_case(e))
        })
}
