//! From quantities to claims: ties each quantity of a sentence to an entity, a metric and a
//! period of a reference table, the way a careful reader would, or leaves it unverified.
//!
//! Precision comes first: whenever the sentence does not tie a number to one row without
//! guessing, the claim stays unlinked and is reported as unverified.

mod assertion;
mod attach;
mod compare;
mod evidence;
mod lint;
mod metrics;
mod not_a_value;
mod periods;
mod sentence;
mod shapes;
mod types;
mod words;

pub use compare::Comparison;
pub use evidence::{Basis, Evidence, Found};
pub use lint::{lint, TermNote};
pub use periods::ARTICLE_YEARS;
pub use shapes::{ChangeSize, Direction, Rank, Shape, Share, Trend};

use std::collections::HashMap;

use crate::gazetteer::Gazetteer;
use crate::quantity::{Kind, Quantity};
use crate::table::Table;
use crate::text::Document;

use attach::split_changes;
use not_a_value::{is_value, negated};
use periods::{article_year, years_in_force, Period};
use sentence::{normalize, stem, Mention, Token};

/// How a claim relates to the others of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A value stated on its own.
    Value,
    /// The earlier end of a change ("from 2,400 in 2015 to …").
    ChangeFrom,
    /// The later end of a change ("… to 3,417").
    ChangeTo,
    /// A part of a whole ("250 of the 3,000 fighters").
    Part,
    /// The whole that a part is taken from.
    Whole,
}

/// A quantity tied (or not) to a row of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The quantity, with spans into the source file.
    pub quantity: Quantity,
    /// Index of the sentence in the document.
    pub sentence: usize,
    pub role: Role,
    /// What the claim states: a value, a rank, a trend or a share.
    pub shape: Shape,
    /// The table the claim is tied to (index into the tables given to the linker).
    pub table: Option<usize>,
    /// The table's name for the entity.
    pub entity: Option<String>,
    pub metric: Option<String>,
    pub period: Option<String>,
    /// Why the claim could not be tied to a row, when it could not.
    pub unlinked: Option<String>,
    /// How the entity, metric and period were found.
    pub evidence: Evidence,
    /// A figure of a signed (change) metric written with no sign and no word of direction
    /// ("house prices eased from 2.2%"): it states a size, either sign.
    pub sign_unstated: bool,
    /// The other metrics of the claim's table that the sentence names, in the same unit and
    /// of the same kind: readings the sentence allows besides `metric` ("Heating and
    /// cooling … renewables covered 65.4% of demand in Estonia").
    pub other_metrics: Vec<String>,
}

impl Claim {
    /// A claim on `quantity` (spans already in the caller's offsets), not yet tied to a row.
    fn new(quantity: Quantity, sentence: usize, role: Role, shape: Shape) -> Claim {
        Claim {
            quantity,
            sentence,
            role,
            shape,
            table: None,
            entity: None,
            metric: None,
            period: None,
            unlinked: None,
            evidence: Evidence::default(),
            sign_unstated: false,
            other_metrics: Vec::new(),
        }
    }

    /// Whether entity, metric and period are all known.
    pub fn is_linked(&self) -> bool {
        self.table.is_some()
            && self.entity.is_some()
            && self.metric.is_some()
            && self.period.is_some()
    }
}

/// A metric (table index, name) and how it was found.
type Picked = ((usize, String), Found);

/// The places and metric of the start of a change, which its end shares.
type ChangeStart = (Vec<Mention>, Option<Picked>);

/// Sentences longer than this (in bytes), or with more quantities than `MOST_QUANTITIES`, are
/// not prose, and their numbers are left unverified.
const LONGEST_SENTENCE: usize = 4000;
const MOST_QUANTITIES: usize = 60;

/// How far rules look before or after a quantity, in bytes.
const WINDOW: usize = 160;

/// Metrics a sentence names, as (table index, metric name).
type MetricNames = Vec<(usize, String)>;

/// Ties quantities to tables. Built once for a set of tables, used for every article.
pub struct Linker<'t> {
    tables: &'t [Table],
    /// Lowercased entity name or alias → (table, canonical entity).
    names: HashMap<String, Vec<(usize, String)>>,
    /// Longest entity name, in words.
    max_words: usize,
    /// (table, metric name, term words) for every metric term.
    terms: Vec<(usize, String, Vec<String>)>,
    /// The first word (lowercase, no possessive) of every name the tables or the gazetteer
    /// know, with the most words a name starting with it has ("the" does not count).
    name_starts: HashMap<String, usize>,
    /// Indexes into `terms` by the stem of the term's first word.
    terms_by_first: HashMap<String, Vec<usize>>,
}

impl<'t> Linker<'t> {
    pub fn new(tables: &'t [Table]) -> Linker<'t> {
        let mut names: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        let gazetteer = Gazetteer::builtin();
        let mut max_words = gazetteer.max_words();
        for (ti, table) in tables.iter().enumerate() {
            for (name, canonical) in table.names() {
                let key = normalize(name);
                max_words = max_words.max(key.split(' ').count());
                let entry = names.entry(key).or_default();
                if !entry.iter().any(|(t, c)| *t == ti && c == canonical) {
                    entry.push((ti, canonical.to_string()));
                }
            }
        }
        let mut terms = Vec::new();
        for (ti, table) in tables.iter().enumerate() {
            for m in &table.metrics {
                // A unit of measure names its metric through the quantity's own unit
                // (`unit_named_metric`), not as a term.
                for term in m.terms.iter().map(String::as_str) {
                    let words: Vec<String> = term.split_whitespace().map(stem).collect();
                    if !words.is_empty()
                        && !terms
                            .iter()
                            .any(|(t, n, w)| *t == ti && *n == m.name && *w == words)
                    {
                        terms.push((ti, m.name.clone(), words));
                    }
                }
            }
        }
        let mut name_starts: HashMap<String, usize> = HashMap::new();
        let mut add_start = |name: &str| {
            let key = normalize(name);
            // Counted in the sentence's own tokens: "CDU/CSU" is two, "U.S." one (the
            // tokenizer keeps inner dots, not a final one).
            let tokens = sentence::tokenize(&key);
            let Some(first) = tokens.first() else {
                return;
            };
            let e = name_starts.entry(first.text.to_string()).or_default();
            *e = (*e).max(tokens.len());
        };
        for table in tables {
            for (name, _) in table.names() {
                add_start(name);
            }
        }
        for (form, _, _) in gazetteer.forms() {
            add_start(form);
        }
        let mut terms_by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (_, _, words)) in terms.iter().enumerate() {
            terms_by_first.entry(words[0].clone()).or_default().push(i);
        }
        Linker {
            tables,
            names,
            max_words,
            terms,
            name_starts,
            terms_by_first,
        }
    }

    /// The claims of a document: one per quantity that states a value (and one per entity
    /// when the sentence coordinates several), in order of position.
    pub fn claims(&self, doc: &Document<'_>, quantities: &[Quantity]) -> Vec<Claim> {
        let mut out = Vec::new();
        let plain = doc.plain.as_str();
        // Quantities come in plain-text offsets here; they are mapped to the source at the end.
        let mut qi = 0;
        // The metric named last in the current paragraph, and the one carried into it from
        // the paragraphs before ("## Returnees" over "- Jordan: 250").
        let mut paragraph = usize::MAX;
        let mut paragraph_metric: Option<MetricNames> = None;
        let mut carried: Option<MetricNames> = None;
        // Every metric the current paragraph has named.
        let mut paragraph_named: Vec<(usize, String)> = Vec::new();
        // The year in force: the last one a sentence of the paragraph set, else the one a
        // heading-like line set, else the year the article dates most of its figures by.
        let years_in_force = years_in_force(doc, quantities);
        let present: Vec<bool> = doc
            .sentences
            .iter()
            .map(|s| periods::now_word(&plain[s.start..s.end]).is_some())
            .collect();
        let article_year = article_year(&years_in_force, &present);
        let mut paragraph_year: Option<String> = None;
        // The last year the paragraph named, in any role: what "that year" points back to.
        let mut last_year: Option<String> = None;
        let mut section_year: Option<String> = None;
        // The one row the last sentence named, for a pronoun in the next.
        let mut antecedent: Option<Mention> = None;
        // Every row the article has named so far.
        let mut article_places: Vec<(usize, String)> = Vec::new();
        for (si, sentence) in doc.sentences.iter().enumerate() {
            let text = &plain[sentence.start..sentence.end];
            while qi < quantities.len() && quantities[qi].start < sentence.start {
                qi += 1;
            }
            let first = qi;
            while qi < quantities.len() && quantities[qi].start < sentence.end {
                qi += 1;
            }
            if sentence.paragraph != paragraph {
                // A metric carries on into the next paragraph until one names its own: after
                // a heading or a list item, or in prose that keeps to one topic ("Saturn now
                // has 146 moons. ¶ Jupiter has 95, and Neptune has 61.").
                // A paragraph that named several metrics has no one topic to carry.
                carried = match paragraph_named.len() {
                    0 => carried.take(),
                    1 => paragraph_metric.take(),
                    _ => None,
                };
                paragraph_metric = None;
                paragraph_named.clear();
                paragraph = sentence.paragraph;
                paragraph_year = None;
                last_year = None;
                antecedent = None;
            }
            let own_years = &years_in_force[si];
            let qs = &quantities[first..qi];
            if text.len() > LONGEST_SENTENCE || qs.len() > MOST_QUANTITIES {
                // Not prose: a table pasted as one line, a data dump. Nothing in it is tied
                // to a row, which also keeps the linker's cost linear.
                out.extend(qs.iter().filter(|q| is_value(q)).map(|q| Claim {
                    unlinked: Some("the sentence is too long to read reliably".into()),
                    ..Claim::new(q.clone(), si, Role::Value, Shape::Value)
                }));
                paragraph_metric = None;
                continue;
            }
            let mut ctx = SentenceContext::new(self, text, sentence.start);
            ctx.article_places = article_places.clone();
            for m in &ctx.mentions {
                for place in &m.entities {
                    if !article_places.contains(place) {
                        article_places.push(place.clone());
                    }
                }
            }
            let opens_with_pronoun = ctx
                .tokens
                .first()
                .is_some_and(|t| matches!(t.text, "It" | "Its" | "They" | "Their" | "It's"));
            if opens_with_pronoun && ctx.mentions.is_empty() {
                ctx.antecedent = antecedent.clone();
            }
            // What this sentence names is what a pronoun in the next refers to: one row, or
            // nothing certain.
            let mut named: Vec<&Mention> = ctx
                .mentions
                .iter()
                .filter(|m| !m.entities.is_empty())
                .collect();
            named.dedup_by(|a, b| a.entities == b.entities);
            // (A row the sentence only compares with, "one more than Bayern", or passes,
            // "beat Bayern", is not what it is about.)
            let compared = |m: &Mention| {
                let k = ctx.with_article(m);
                (k >= 1 && matches!(ctx.lower_token(k - 1).as_str(), "than" | "as"))
                    || ctx.is_verb_object(m)
            };
            antecedent = match named.as_slice() {
                [one] if compared(one) => None,
                [one] => Some((*one).clone()),
                [] if ctx.antecedent.is_some() => ctx.antecedent.clone(),
                _ => None,
            };
            // The sentence's own years are read clause by clause where its numbers are
            // (`period_for`); what is in force comes from the text before it.
            // A year the sentence introduces dates what follows it in the sentence.
            ctx.sentence_year = match own_years.as_slice() {
                [(first, true, at), rest @ ..] if rest.iter().all(|(y, l, _)| y == first && *l) => {
                    Some((first.clone(), at - sentence.start))
                }
                _ => None,
            };
            // Nearest first; a year the table lacks is passed over for the next.
            ctx.years_in_force = [
                (paragraph_year.clone(), "the year in force in the paragraph"),
                (section_year.clone(), "the year of the section"),
            ]
            .into_iter()
            .filter_map(|(y, from)| y.map(|y| (y, from)))
            .collect();
            // The article's year is in force once it has been said.
            ctx.article_year = article_year
                .as_ref()
                .filter(|(_, first, _)| *first < si)
                .map(|(y, _, from)| (y.clone(), *from));
            ctx.last_year = last_year.take();
            last_year = qs
                .iter()
                .rfind(|q| q.kind == Kind::Year)
                .map(periods::year_label)
                .or_else(|| ctx.last_year.clone());
            if let Some((y, _, _)) = own_years.last() {
                // A short line that is only a year and a few words ("## 2015", "2015 season")
                // dates the sections after it; a sentence dates the rest of its paragraph.
                let line = text.trim_end();
                let heading = line.len() <= 100 && !line.ends_with(['.', '!', '?', ':', ';']);
                if heading {
                    section_year = Some(y.clone());
                } else {
                    paragraph_year = Some(y.clone());
                }
            }
            let own_metrics = ctx.metric_names();
            if !qs.is_empty() || !ctx.metric_terms.is_empty() {
                // A sentence that names no metric takes it from the nearest preceding sentence
                // of its paragraph that does, or, in a short paragraph, from what was carried.
                let inherited = paragraph_metric.clone().or_else(|| carried.clone());
                let local: Vec<Quantity> = qs
                    .iter()
                    .map(|q| Quantity {
                        start: q.start - sentence.start,
                        end: q.end - sentence.start,
                        ..q.clone()
                    })
                    .collect();
                let (shapes, used) = ctx.shapes(self, si, &local, inherited.as_deref());
                let mut values: Vec<Quantity> = qs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !used.contains(i))
                    .map(|(_, q)| q.clone())
                    .collect();
                // "was pick 169", "on round 6": a number the grammar reads as a label is the
                // figure of the metric whose term labels it.
                values.extend(ctx.labelled_figures(qs));
                values.sort_by_key(|q| q.start);
                let linked = ctx.link(self, si, &values, inherited.as_deref());
                // "four more golds than Norway" is one claim: the comparison with its size
                // says all that "more … than Norway" says, so the bare order is not read too.
                let compared: Vec<&str> = linked
                    .iter()
                    .filter_map(|c| match &c.shape {
                        Shape::Compare(cmp) => Some(cmp.other.as_str()),
                        _ => None,
                    })
                    .collect();
                let shapes: Vec<Claim> = shapes
                    .into_iter()
                    .filter(|c| match &c.shape {
                        Shape::Rank(Rank::Above(o) | Rank::Below(o)) => {
                            !compared.contains(&o.as_str())
                        }
                        _ => true,
                    })
                    .collect();
                out.extend(linked);
                out.extend(shapes);
            }
            if let Some(named) = &own_metrics {
                for m in named {
                    if !paragraph_named.contains(m) {
                        paragraph_named.push(m.clone());
                    }
                }
                paragraph_metric = own_metrics;
            }
        }
        for c in &mut out {
            let start = doc.to_source(c.quantity.start);
            let end = doc.to_source_end(c.quantity.end).max(start);
            c.quantity.start = start;
            c.quantity.end = end;
            c.quantity.text = doc.source.get(start..end).unwrap_or_default().to_string();
        }
        out
    }

    /// The most words a name starting with `token` may have, or `None` when no name starts
    /// with it. A leading "the" counts as one word more.
    fn name_start(&self, token: &str) -> Option<usize> {
        // "Schindler's List" starts with "schindler's"; "Jordan's 250" with "jordan".
        let whole = self.name_start_exact(token);
        let bare = token
            .strip_suffix("'s")
            .or_else(|| token.strip_suffix("’s"))
            .and_then(|t| self.name_start_exact(t));
        whole.max(bare)
    }

    fn name_start_exact(&self, t: &str) -> Option<usize> {
        let mut buf = [0u8; 32];
        let lower: std::borrow::Cow<'_, str> = if t.len() <= buf.len() && t.is_ascii() {
            buf[..t.len()].copy_from_slice(t.as_bytes());
            buf[..t.len()].make_ascii_lowercase();
            std::borrow::Cow::Borrowed(std::str::from_utf8(&buf[..t.len()]).unwrap_or(""))
        } else {
            std::borrow::Cow::Owned(t.to_lowercase().replace('’', "'"))
        };
        if lower == "the" {
            return Some(self.max_words + 1);
        }
        self.name_starts.get(lower.as_ref()).copied()
    }

    fn table_names_for(&self, written: &str) -> Option<Vec<(usize, String)>> {
        self.names.get(&normalize(written)).cloned()
    }
}

/// What a sentence says around its quantities.
struct SentenceContext<'s> {
    text: &'s str,
    offset: usize,
    tokens: Vec<Token<'s>>,
    mentions: Vec<Mention>,
    /// Names that give the scope of a superlative ("the highest rate in the EU", "the
    /// world's busiest"), not what the sentence is about.
    scopes: Vec<Mention>,
    /// (token index, table, metric) for every metric term in the sentence.
    metric_terms: Vec<(usize, usize, String)>,
    /// Token ranges covered by metric terms.
    term_spans: Vec<(usize, usize)>,
    /// The sentence in ASCII lowercase: the same byte offsets as `text`.
    lower: String,
    /// The year in force where the sentence states none: its paragraph's, its section's or
    /// the article's, with where it came from.
    years_in_force: Vec<(String, &'static str)>,
    /// The year the sentence itself introduces, with its offset in the sentence: it dates the
    /// figures after it.
    sentence_year: Option<(String, usize)>,
    /// The year of the article, once it has been said.
    article_year: Option<(String, &'static str)>,
    /// The last year the paragraph named before this sentence, in any role.
    last_year: Option<String>,
    /// The one row the sentence before named, for a sentence that opens with a pronoun ("Its
    /// shipments jumped 30.8%" after "… was Transsion").
    antecedent: Option<Mention>,
    /// The rows the article has named before this sentence, (table, entity), in order.
    article_places: Vec<(usize, String)>,
}

impl<'s> SentenceContext<'s> {
    fn link(
        &self,
        linker: &Linker<'_>,
        sentence: usize,
        quantities: &[Quantity],
        inherited: Option<&[(usize, String)]>,
    ) -> Vec<Claim> {
        // Work in offsets relative to the sentence.
        let local: Vec<Quantity> = quantities
            .iter()
            .map(|q| {
                let mut local = Quantity {
                    start: q.start - self.offset,
                    end: q.end - self.offset,
                    ..q.clone()
                };
                // "premiums inched up to $2.8 trillion": after a verb of movement, "up" is
                // the verb's particle and the figure is the level reached, not a ceiling.
                let after_verb = || {
                    let verb = self.text[..local.start.min(self.text.len())]
                        .split_whitespace()
                        .next_back()
                        .unwrap_or("");
                    words::is_verb_of_movement(&verb.to_lowercase())
                };
                if local.hedge.as_deref() == Some("up to") && after_verb() {
                    local.hedge = None;
                    local.low = local.value;
                    local.high = local.value;
                }
                local
            })
            .collect();
        let values: Vec<(Quantity, Role)> = split_changes(self.text, &local);
        let value_positions: Vec<(usize, usize)> = values
            .iter()
            .filter(|(q, _)| is_value(q))
            .map(|(q, _)| (q.start, q.end))
            .collect();
        let years: Vec<&Quantity> = local
            .iter()
            .filter(|q| {
                matches!(q.kind, Kind::Year | Kind::Date)
                    && (q.value.is_some() || periods::season_years(q.text.trim()).is_some())
            })
            .collect();
        let respectively = self.respectively(&values);
        let mut out = Vec::new();
        // The entities and metric of the last start of a change, for its end.
        let mut change_start: Option<ChangeStart> = None;
        let mut change_start_at: Option<usize> = None;
        // Why the last figure with a noun of its own states no table value, when that noun
        // is one no table holds: a bare figure after it in the sentence leaves the same noun
        // unsaid ("gained two House seats and Florida one", "… added about 194,000
        // residents, while Texas drew about 187,000").
        let mut elided: Option<String> = None;
        for (q, role) in &values {
            // "five times the size of Wales": a ratio of two named rows.
            if q.kind == Kind::Multiple {
                let period = self.period_for(q, &years, &value_positions);
                let compared = self.comparison(linker, sentence, q, inherited, period);
                out.extend(compared);
                continue;
            }
            if !is_value(q) {
                continue;
            }
            let mut base = Claim::new(self.placed(q), sentence, *role, Shape::Value);
            // A change ("gained two", "a 4.1% decrease") is checked against a change metric
            // only; a verb that is itself a metric's term ("lost 4", "yards gained") is not
            // one.
            let change = self.change_direction(q).filter(|_| !self.follows_a_term(q));
            let bare = || {
                self.own_noun(q).is_none()
                    && !self
                        .metric_terms
                        .iter()
                        .any(|(k, _, _)| *k == self.token_at(q.end))
            };
            // (Only as a verb's or a name's figure: "with five", "from 66.1 million" after a
            // preposition speak of something else.)
            let after_preposition = || {
                self.token_at(q.start)
                    .checked_sub(1)
                    .is_some_and(|k| words::is_function_word(&self.lower_token(k)))
            };
            let unsaid = elided
                .as_ref()
                .filter(|_| q.unit.is_none() && bare() && !after_preposition());
            if let Some(why) = unsaid {
                base.unlinked = Some(format!(
                    "leaves unsaid the noun of a figure before it, which {why}"
                ));
                out.push(base);
                continue;
            }
            if let Some(reason) = self.not_a_table_value(q) {
                // (Only the noun of a change: "gained two House seats and Florida one",
                // whether or not the verb is a metric's term.)
                if reason.starts_with("counts ") && self.change_direction(q).is_some() {
                    elided = Some(reason.clone());
                }
                let about_change = reason.contains("change") || reason.contains("increment");
                if change.is_none() || !about_change {
                    // A difference between two named rows is checked as one.
                    if reason.starts_with("states a difference") {
                        let period = self.period_for(q, &years, &value_positions);
                        let compared = self.comparison(linker, sentence, q, inherited, period);
                        if let Some(c) = compared {
                            out.push(c);
                            continue;
                        }
                    }
                    base.unlinked = Some(reason);
                    out.push(base);
                    continue;
                }
            }
            // Entities
            let entities: Vec<Mention> = match &respectively {
                Some(list) => {
                    // The i-th value after the places goes with the i-th place.
                    let first = list.last().map_or(0, |m| m.end);
                    let at = self.lower.find("respectively").unwrap_or(self.text.len());
                    // The values paired are the last ones before "respectively", one per
                    // name: "were both at 9.3%, down from 10.4% and 10.0% respectively".
                    let paired: Vec<usize> = value_positions
                        .iter()
                        .filter(|(st, e)| *st >= first && *e <= at)
                        .map(|(st, _)| *st)
                        .collect();
                    let paired = &paired[paired.len().saturating_sub(list.len())..];
                    if let Some(i) = paired.iter().position(|st| *st == q.start) {
                        list.get(i).cloned().into_iter().collect()
                    } else if q.start >= first && q.end <= at {
                        // Before the paired values: said of all the names ("both at 9.3%").
                        list.clone()
                    } else {
                        self.entities_for(q, &value_positions)
                    }
                }
                None => self.entities_for(q, &value_positions),
            };
            // "an exhibition that attracted 793,000": the figure is a thing's that no row is.
            if entities.is_empty() {
                if let Some(Err(noun)) = self.relative_antecedent(self.token_at(q.start)) {
                    base.unlinked = Some(format!(
                        "said of the {}, which no table names",
                        self.lower_token(noun)
                    ));
                    out.push(base);
                    continue;
                }
            }
            // Several numbers after one list of places, with no "each" and no
            // "respectively": which number goes with which place is a guess.
            if entities.len() > 1
                && respectively.is_none()
                && self.shared_by_several(q, &entities, &value_positions)
            {
                base.unlinked = Some(
                    "several numbers follow several places; which goes with which is unclear"
                        .into(),
                );
                out.push(base);
                continue;
            }
            let role = if self.is_part(q, &value_positions) {
                Role::Part
            } else {
                *role
            };
            base.role = role;
            // A part with no place of its own takes its whole's: "250 of the 3,000 fighters
            // from Jordan".
            let entities = match (entities.is_empty(), role) {
                (true, Role::Part) => values
                    .iter()
                    .map(|(w, _)| w)
                    .find(|w| w.start > q.end && is_value(w))
                    .map(|w| self.entities_for(w, &value_positions))
                    .unwrap_or_default(),
                _ => entities,
            };
            // The end of a change speaks of what its start spoke of: "Japan's gold count fell
            // from 27 … to 20, while Australia won 35 medals".
            // (Only a start in the same clause: "BBB won seven, up from one, while the CDA
            // shrank to five from 15" gives the CDA's end no BBB start.)
            // (Nor across a name of its own: "Alabama's rate dipped to 39.2% from 39.9%,
            // Arkansas's edged down to 38.4%".)
            let same_clause_start = change_start_at.is_some_and(|at| {
                let gap = self.lower[at.min(q.start)..q.start].to_string();
                ![";", ", while", ", whereas", ", but", " while ", " whereas "]
                    .iter()
                    .any(|b| gap.contains(b))
                    && !self
                        .mentions
                        .iter()
                        .any(|m| m.start >= at && m.end <= q.start && !m.entities.is_empty())
            });
            let (entities, from_start) = match (&change_start, role) {
                (Some((e, _)), Role::ChangeTo) if !e.is_empty() && same_clause_start => {
                    (e.clone(), true)
                }
                _ => (entities, false),
            };
            // A sentence that opens with a pronoun and names no row speaks of the row the
            // sentence before named.
            let from_pronoun = entities.is_empty() && self.antecedent.is_some();
            let entities = match (&self.antecedent, from_pronoun) {
                (Some(a), true) => vec![a.clone()],
                _ => entities,
            };
            // Period
            let period_year = if role == Role::ChangeFrom {
                // The start of a change is not "now", nor the year of the event that changed
                // it: only a year right after it ("from 2,400 in 2015") or "since 2015".
                let relative = match self.period_for(q, &years, &value_positions) {
                    p @ Period::YearsAgo(_) => Some(p),
                    _ => None,
                };
                match self
                    .attached_year(q, &years, &value_positions)
                    .or_else(|| self.since_year(&years))
                {
                    Some(y) => Period::Year(y),
                    // "down from 12.9% a year earlier"
                    None if relative.is_some() => relative.unwrap_or(Period::Current),
                    // "rose from 11 seats to 27": the row's period before the current one.
                    // (Not when a year stands before it: that would be the start's own.)
                    None if !years.iter().any(|y| y.start < q.start) => Period::Earlier,
                    None => {
                        base.unlinked = Some("the start of the change has no year".to_string());
                        let metric = self.metric_for(q, role, &value_positions, inherited, linker);
                        change_start = Some((entities.clone(), metric));
                        change_start_at = Some(q.end);
                        out.push(base);
                        continue;
                    }
                }
            } else {
                self.period_for(q, &years, &value_positions)
            };
            // Metric
            // A unit names its metric when the sentence names none: "6,650 km" is a length
            // when exactly one metric is measured in lengths.
            let by_unit = if self.metric_terms.is_empty() {
                self.unit_named_metric(q, linker)
            } else {
                Ok(None)
            };
            let by_unit = match by_unit {
                Ok(m) => m.map(|m| {
                    let unit = q.unit.clone().unwrap_or_default();
                    (m, Found::stated(unit))
                }),
                Err(reason) => {
                    base.unlinked = Some(reason);
                    out.push(base);
                    continue;
                }
            };
            let metric = match (&change_start, role, by_unit) {
                (Some((_, Some(m))), Role::ChangeTo, _) if same_clause_start => Some(m.clone()),
                (_, _, Some(m)) => Some(m),
                _ => self.metric_for(q, role, &value_positions, inherited, linker),
            };
            if role == Role::ChangeFrom {
                change_start = Some((entities.clone(), metric.clone()));
                change_start_at = Some(q.end);
            }
            // "ranked 2", "in position 3", "a rank of 6": a place in an order, checked only
            // against a rank metric.
            let metric = match self.position_word(q) {
                None => metric,
                Some(word) => match self.rank_metric(linker) {
                    Some(picked) => {
                        // Read as a place in the order, in the rank metric's unit.
                        base.quantity.unit = Some("rank".into());
                        Some((picked, Found::stated(word)))
                    }
                    None => {
                        base.unlinked = Some(format!(
                            "states a position ({word}), and no metric is a rank"
                        ));
                        out.push(base);
                        continue;
                    }
                },
            };
            // "conceded 86 goals" against goals whose terms say "scored": the verb of the
            // figure's phrase names the other side of the count, which the metric does not
            // hold.
            let opposite = metric
                .as_ref()
                .and_then(|((t, m), _)| self.opposite_verb_before(q, &linker.tables[*t], m));
            if let Some((verb, term, m)) = opposite {
                base.unlinked = Some(format!(
                    "\"{verb}\" is the other side of \"{term}\", a term of {m}"
                ));
                out.push(base);
                continue;
            }
            let signed_metric = metric.as_ref().is_some_and(|((t, m), _)| {
                linker.tables[*t]
                    .metric(m)
                    .is_some_and(|x| x.kind == crate::table::MetricKind::Change)
            });
            if change.is_none()
                && signed_metric
                && !q.text.contains(['+', '-', '−'])
                && q.value.is_some_and(|v| v >= 0.0)
            {
                base.sign_unstated = true;
            }
            if let Some(direction) = change {
                let kind = metric.as_ref().and_then(|((t, m), _)| {
                    linker.tables[*t].metric(m).map(|x| (x.kind, m.clone()))
                });
                match kind {
                    Some((crate::table::MetricKind::Change, _)) => {
                        // The table signs a change; the words give its direction.
                        if direction == Direction::Down {
                            base.quantity = negated(&base.quantity);
                        }
                    }
                    // A change of a level ("up 7.4%", "gained two seats") is checked by the
                    // trend rule, between the row's period and the one before it.
                    Some((_, _))
                        if matches!(
                            q.kind,
                            Kind::Percent | Kind::Number | Kind::PercentagePoints
                        ) =>
                    {
                        // "net domestic migration added about 194,000 residents": the verb's
                        // subject is a part of the change no table holds, not the row.
                        let qs = self.token_at(q.start);
                        let verb = qs.checked_sub(1).map(|k| {
                            if self.lower_token(k) == "by" {
                                k.saturating_sub(1)
                            } else {
                                k
                            }
                        });
                        let cause = verb
                            .filter(|&k| types::change_verb(&self.lower_token(k)).is_some())
                            .and_then(|k| self.unknown_subject_of_verb(k));
                        if let Some(noun) = cause {
                            let why = format!("the change is of {noun}, which no table names");
                            elided = Some(why.clone());
                            base.unlinked = Some(why);
                            out.push(base);
                            continue;
                        }
                        let size = if q.kind == Kind::Percent {
                            ChangeSize::Percent(base.quantity.clone())
                        } else {
                            ChangeSize::Absolute(base.quantity.clone())
                        };
                        // "Compared with 2019, … down 10%": the change since the year named.
                        base.shape = Shape::Trend(Trend {
                            direction,
                            from: self.earlier_period(&years),
                            size: Some(size),
                            ends: None,
                        });
                    }
                    Some((_, m)) => {
                        base.unlinked =
                            Some(format!("states a change, and {m} is not a change metric"));
                        out.push(base);
                        continue;
                    }
                    None => {
                        base.unlinked = Some("states a change, not a level".into());
                        out.push(base);
                        continue;
                    }
                }
            }
            if role == Role::Part {
                let whole = value_positions
                    .iter()
                    .find(|(st, _)| *st > q.end)
                    .map(|(st, e)| (*st, *e));
                let whole_has_noun = whole.is_some_and(|(st, e)| {
                    self.has_head_noun(&Quantity {
                        start: st,
                        end: e,
                        ..q.clone()
                    })
                });
                if !whole_has_noun {
                    base.unlinked = Some("a part of a whole with no noun of its own".into());
                    out.push(base);
                    continue;
                }
            }
            if self.is_whole(q, &value_positions) && !self.has_head_noun(q) {
                base.role = Role::Whole;
                base.unlinked = Some("the whole of a part, with no noun of its own".into());
                out.push(base);
                continue;
            }
            if self.is_whole(q, &value_positions) && !self.part_has_own_metric(q) {
                // "411 of the 650 seats": one metric for both, so the whole is the table's
                // total, not the part's entity.
                base.role = Role::Whole;
                let total = metric.as_ref().and_then(|picked| {
                    let t = picked.0 .0;
                    linker.tables[t].total.clone().map(|e| (picked.clone(), e))
                });
                match total {
                    Some((picked, e)) => {
                        let entity = (e, Found::stated("the whole of the part before it"));
                        out.push(self.finish(linker, base, entity, picked, period_year))
                    }
                    None => {
                        base.unlinked =
                            Some("the whole of a part, and the table has no total".into());
                        out.push(base);
                    }
                }
                continue;
            }
            // "the United States took seven of the 12 laureates": the row of the part is not
            // the row of its whole, which is named after the part or not at all.
            if self.is_whole(q, &value_positions) {
                let part_start = value_positions
                    .iter()
                    .filter(|(_, e)| *e <= q.start)
                    .map(|(s, _)| *s)
                    .max();
                let before_part = |m: &Mention| part_start.is_some_and(|p| m.start < p);
                if !entities.is_empty() && entities.iter().all(before_part) {
                    base.role = Role::Whole;
                    base.unlinked = Some("the whole of a part, with no row of its own".into());
                    out.push(base);
                    continue;
                }
            }
            if entities.is_empty() {
                // No place named: the table's total, when the sentence names the metric.
                let total = metric.as_ref().and_then(|picked| {
                    let t = picked.0 .0;
                    linker.tables[t].total.clone().map(|e| (picked.clone(), e))
                });
                match total {
                    Some((picked, e)) if !self.mentions_any_place() && self.speaks_of_total(q) => {
                        // A total the sentence says it speaks of ("worldwide") is stated; one
                        // read only from a head noun ("40,000 fighters") is a default.
                        // "a total of 25" sums what the sentence is about, which need not
                        // be the table's whole: only "the total", "overall", "worldwide" say so.
                        let found = match self.total_word() {
                            Some("total") if !self.names_the_total() => {
                                Found::defaulted(format!("{e}, the table's total"))
                            }
                            Some(w) => Found::stated(w),
                            // An article that has named no place but this one speaks of it.
                            None if self.article_places.len() == 1
                                && self.article_places[0] == (picked.0 .0, e.clone()) =>
                            {
                                Found::inherited(format!("{e}, the only place the article names"))
                            }
                            None => Found::defaulted(format!("{e}, the table's total")),
                        };
                        out.push(self.finish(
                            linker,
                            base,
                            (e, found),
                            picked,
                            period_year.clone(),
                        ));
                    }
                    _ => {
                        base.unlinked = Some("no entity in the sentence".to_string());
                        out.push(base);
                    }
                }
                continue;
            }
            for mention in entities {
                let mut claim = base.clone();
                let Some(picked) = metric.clone() else {
                    claim.unlinked =
                        Some("no metric named in the sentence or its paragraph".to_string());
                    claim.entity = mention.entities.first().map(|(_, e)| e.clone());
                    out.push(claim);
                    continue;
                };
                let t = picked.0 .0;
                match mention.entities.iter().find(|(ti, _)| *ti == t) {
                    Some((_, e)) => {
                        let found = if from_start {
                            Found::inherited(format!(
                                "{}, from the start of the change",
                                mention.written
                            ))
                        } else if from_pronoun {
                            Found::inherited(format!(
                                "{}, named in the sentence before",
                                mention.written
                            ))
                        } else {
                            Found::stated(mention.written.clone())
                        };
                        let entity = (e.clone(), found);
                        out.push(self.finish(linker, claim, entity, picked, period_year.clone()))
                    }
                    None => {
                        claim.unlinked = Some(format!("no table row for {}", mention.written));
                        out.push(claim);
                    }
                }
            }
        }
        out
    }

    /// Ties a claim to its row: the entity and metric as found, and the period the sentence
    /// gives, else the one in force, else the table's current one, each with its evidence.
    fn finish(
        &self,
        linker: &Linker<'_>,
        mut claim: Claim,
        (entity, entity_found): (String, Found),
        ((table, metric), metric_found): Picked,
        period: Period,
    ) -> Claim {
        let t = &linker.tables[table];
        // Where the claim is in the sentence, for the sentence's own year.
        let at = claim.quantity.start.saturating_sub(self.offset);
        let mut no_period = None;
        let reading = match period {
            // "in the fourth quarter of 2023" against a table of quarters: the table's
            // current period, when it lies within the year stated.
            Period::Year(y) if !t.has_period(&y) => {
                let labels = t.periods(&entity, &metric);
                // "2019-20" in the text, "2019/20" in the table: one season.
                let season = periods::season_years(&y)
                    .and_then(|s| labels.iter().find(|p| periods::season_years(p) == Some(s)));
                // A table whose one period names no time ("all") holds its values for any
                // year the text gives.
                let undated = match labels.as_slice() {
                    [only]
                        if t.period_count() == 1
                            && !only.contains(|c: char| c.is_ascii_digit()) =>
                    {
                        Some(*only)
                    }
                    _ => None,
                };
                let within = t.current_period().filter(|c| periods::within_year(c, &y));
                if let Some(p) = season {
                    Some((p.to_string(), Found::stated(y)))
                } else if let Some(p) = undated {
                    let words = format!("{p}, the table's one undated period, for {y}");
                    Some((p.to_string(), Found::only(words)))
                } else if let Some(c) = within {
                    let words = format!("{c}, the table's current period, within {y}");
                    Some((c.to_string(), Found::stated(words)))
                } else {
                    Some((y.clone(), Found::stated(y)))
                }
            }
            Period::Year(y) => Some((y.clone(), Found::stated(y))),
            Period::Current => self.current_period(t, &entity, &metric, at),
            Period::Earlier => self
                .current_period(t, &entity, &metric, at)
                .and_then(|(now, _)| {
                    let series = t.periods(&entity, &metric);
                    let earlier: Vec<&str> = series.iter().copied().filter(|p| *p != now).collect();
                    let before = series
                        .iter()
                        .position(|p| *p == now)
                        .and_then(|i| i.checked_sub(1))
                        .map(|i| series[i].to_string());
                    // (A start after its end is none. Labels that open with a year,
                    // "2023", "2023-Q3", "2019/20", sort as written; others run in the
                    // series' order.)
                    let dated =
                        |x: &str| x.len() >= 4 && x.bytes().take(4).all(|b| b.is_ascii_digit());
                    let precedes = |p: &str| {
                        if dated(p) && dated(&now) {
                            return p < now.as_str();
                        }
                        let at = |x: &str| series.iter().position(|s| *s == x);
                        at(p) < at(now.as_str())
                    };
                    match (earlier.as_slice(), before) {
                        // Two periods in the row: the start can only be the other one, when
                        // it comes first.
                        ([only], _) if precedes(only) => Some((
                            only.to_string(),
                            Found::only(format!("{only}, the row's only other period")),
                        )),
                        ([_], _) => None,
                        (_, Some(p)) => {
                            let words = format!("{p}, the row's period before {now}");
                            Some((p, Found::defaulted(words)))
                        }
                        _ => None,
                    }
                }),
            // "this year", "last year": counted from the year the table's source was
            // published, which the article reports on; else from the current period.
            Period::Deictic(n, words) => {
                let published = t
                    .source
                    .as_ref()
                    .and_then(|s| s.date.as_deref())
                    .and_then(|d| d.get(..4))
                    .filter(|y| y.bytes().all(|b| b.is_ascii_digit()));
                let (now, from) = match published {
                    Some(y) => (y, "the year the source was published"),
                    None => (t.current_period().unwrap_or_default(), "the current period"),
                };
                periods::years_before(now, n).map(|year| {
                    let found = Found::stated(format!("\"{words}\", counted from {now}, {from}"));
                    (year, found)
                })
            }
            // "that year" with no year of its own sentence: the year in force it points back
            // to, else none (never the present by default).
            Period::Referred(words) => {
                let pointed = self
                    .last_year
                    .as_deref()
                    .map(|y| (y, "the last year the paragraph named"))
                    .into_iter()
                    .chain(self.years_from_before())
                    .next();
                match pointed {
                    Some((year, from)) => Some((
                        year.to_string(),
                        Found::inherited(format!("{year}, {from}, to which \"{words}\" points")),
                    )),
                    None => {
                        no_period = Some(format!(
                            "\"{words}\" points back to a period the text does not give"
                        ));
                        None
                    }
                }
            }
            Period::YearsAgo(n) => {
                self.current_period(t, &entity, &metric, at)
                    .and_then(|(base, found)| {
                        let year = periods::years_before(&base, n)?;
                        let words = format!("{n} year(s) before {base}");
                        let found = Found {
                            words,
                            basis: found.basis.max(Basis::Stated),
                        };
                        Some((year, found))
                    })
            }
        };
        // Only when the metric's term is not the figure's own noun: "a pick smaller than
        // 15", "304 points against" name one reading alone.
        let info = |m: &str| t.metric(m).map(|x| (x.unit.clone(), x.kind));
        let (qs, qe) = (
            self.token_at(at),
            self.token_at(claim.quantity.end - self.offset),
        );
        let own_noun = self.metric_terms.iter().any(|(k, ti, m)| {
            let end = self
                .term_spans
                .iter()
                .find(|(a, _)| a == k)
                .map_or(*k + 1, |(_, b)| *b);
            *ti == table && *m == metric && (end + 2 > qs && *k < qs || (*k >= qe && *k < qe + 2))
        });
        let mut others: Vec<String> = self
            .metric_terms
            .iter()
            .filter(|(_, ti, m)| *ti == table && *m != metric && info(m) == info(&metric))
            // (A part and its whole name their metrics for each other: "11 of its 14
            // nominations".)
            .filter(|_| !own_noun && claim.role == Role::Value)
            .map(|(_, _, m)| m.clone())
            .collect();
        others.sort();
        others.dedup();
        claim.other_metrics = others;
        claim.table = Some(table);
        claim.entity = Some(entity);
        claim.metric = Some(metric);
        claim.evidence.entity = Some(entity_found);
        claim.evidence.metric = Some(metric_found);
        match reading {
            Some((period, found)) => {
                claim.period = Some(period);
                claim.evidence.period = Some(found);
            }
            None => {
                claim.unlinked =
                    Some(no_period.unwrap_or_else(|| "the table has no period".to_string()));
            }
        }
        claim
    }
}
