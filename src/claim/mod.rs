//! From quantities to claims: ties each quantity of a sentence to an entity, a metric and a
//! period of a reference table, the way a careful reader would, or leaves it unverified.
//!
//! Precision comes first: whenever the sentence does not tie a number to one row without
//! guessing, the claim stays unlinked and is reported as unverified.

mod assertion;
mod compare;
mod evidence;
mod lint;
mod shapes;
mod types;
mod words;

pub use compare::Comparison;
pub use evidence::{Basis, Evidence, Found};
pub use lint::{lint, TermNote};
pub use shapes::{ChangeSize, Direction, Rank, Shape, Share, Trend};

use std::collections::HashMap;

use crate::gazetteer::Gazetteer;
use crate::quantity::{Kind, Quantity};
use crate::table::Table;
use crate::text::Document;

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

/// Where a name was matched in the plain text.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    /// First and one-past-last token index.
    tok_start: usize,
    tok_end: usize,
    /// The table entity (table index, canonical name), or `None` for a place no table has.
    entities: Vec<(usize, String)>,
    /// The name as the gazetteer knows it, for messages.
    written: String,
    demonym: bool,
    /// Matched by a table's own name or alias (not only through the gazetteer).
    from_table: bool,
    /// What the gazetteer knows the place as, if it knows it.
    place: Option<crate::gazetteer::PlaceKind>,
}

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

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
            let words: Vec<&str> = key.split(' ').collect();
            // The tokenizer keeps inner dots ("U.S"), not a final one.
            let first = words[0].trim_end_matches('.').to_string();
            let e = name_starts.entry(first).or_default();
            *e = (*e).max(words.len());
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
        // The year in force: the last one a sentence of the paragraph set, else the one a
        // heading-like line set, else the year the article dates most of its figures by.
        let years_in_force = years_in_force(doc, quantities);
        let article_year = article_year(&years_in_force);
        let mut paragraph_year: Option<String> = None;
        let mut section_year: Option<String> = None;
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
                carried = paragraph_metric.take().or(carried.take());
                paragraph_metric = None;
                paragraph = sentence.paragraph;
                paragraph_year = None;
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
                .filter(|(_, from)| *from < si)
                .map(|(y, _)| y.clone());
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
                let values: Vec<Quantity> = qs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !used.contains(i))
                    .map(|(_, q)| q.clone())
                    .collect();
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
            if own_metrics.is_some() {
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
/// What a name found in a sentence is to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// What the sentence may be about.
    Subject,
    /// The set a superlative ranks within.
    Scope,
    /// A word of a longer name ("Northern" in "Great Northern").
    PartOfAName,
}

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
    article_year: Option<String>,
}

impl<'s> SentenceContext<'s> {
    fn new(linker: &Linker<'_>, text: &'s str, offset: usize) -> SentenceContext<'s> {
        let tokens = tokenize(text);
        let mentions = find_mentions(linker, text, &tokens);
        let stems: Vec<String> = tokens.iter().map(|t| stem(t.text)).collect();
        // Every term that starts at each token, longest first; a token covered by a longer
        // term ("electoral votes") names no shorter one ("votes").
        let mut metric_terms: Vec<(usize, usize, String)> = Vec::new();
        let mut covered_until = 0;
        let mut term_spans: Vec<(usize, usize)> = Vec::new();
        for i in 0..stems.len() {
            let Some(starting) = linker.terms_by_first.get(&stems[i]) else {
                continue;
            };
            let mut best = 0;
            let mut found: Vec<(usize, usize, String)> = Vec::new();
            for &ti in starting {
                let (table, metric, words) = &linker.terms[ti];
                let fits = i + words.len() <= stems.len()
                    && words.iter().zip(&stems[i..]).all(|(w, s)| w == s);
                if !fits || words.len() < best {
                    continue;
                }
                if words.len() > best {
                    best = words.len();
                    found.clear();
                }
                if !found.iter().any(|(_, t, m)| t == table && m == metric) {
                    found.push((i, *table, metric.clone()));
                }
            }
            if found.is_empty() || (i < covered_until && best == 1) {
                continue;
            }
            covered_until = covered_until.max(i + best);
            term_spans.push((i, i + best));
            metric_terms.extend(found);
        }
        // Two metrics' terms in one compound ("population density" where both are metrics):
        // which one the compound names is not for the linker to pick, so neither is named.
        let compounds: Vec<(usize, usize)> = term_spans
            .windows(2)
            .filter(|w| {
                let (a, b) = (w[0], w[1]);
                if a.1 != b.0 {
                    return false;
                }
                let gap = &text[tokens[a.1 - 1].end..tokens[b.0].start];
                let metrics = |span: (usize, usize)| -> Vec<(usize, &String)> {
                    metric_terms
                        .iter()
                        .filter(|(k, _, _)| *k == span.0)
                        .map(|(_, t, m)| (*t, m))
                        .collect()
                };
                gap.chars().all(|c| c == ' ' || c == '-')
                    && metrics(a).iter().all(|m| !metrics(b).contains(m))
            })
            .flat_map(|w| [w[0], w[1]])
            .collect();
        term_spans.retain(|s| !compounds.contains(s));
        metric_terms.retain(|(k, _, _)| !compounds.iter().any(|(a, _)| a == k));
        metric_terms.sort();
        // A name inside a metric term is part of the term ("the Australian Open"); a
        // region or "World" that opens a longer proper name ("World Population
        // Prospects", "World Bank") is part of that name.
        let classed: Vec<(Mention, Place)> = mentions
            .into_iter()
            .filter(|m| {
                m.from_table
                    || !term_spans
                        .iter()
                        .any(|(a, b)| m.tok_start < *b && *a < m.tok_end)
            })
            .map(|m| {
                let wide = matches!(
                    m.place,
                    Some(crate::gazetteer::PlaceKind::World | crate::gazetteer::PlaceKind::Region)
                );
                let opens_a_name = m.tok_end == m.tok_start + 1
                    && text[m.end..].starts_with(' ')
                    && tokens.get(m.tok_end).is_some_and(|t| {
                        t.start == m.end + 1 && t.text.starts_with(|c: char| c.is_uppercase())
                    });
                // "the world's busiest airport", "Europe's largest": the scope of a
                // superlative, not what the sentence is about.
                let scope_of_superlative = {
                    let rest = text[m.end..].trim_start();
                    let owned = text[..m.end].ends_with("'s") || text[..m.end].ends_with("’s");
                    let rest = rest
                        .strip_prefix("'s")
                        .or_else(|| rest.strip_prefix("’s"))
                        .or(owned.then_some(rest))
                        .map(str::trim_start);
                    rest.is_some_and(|r| {
                        let w: String = r
                            .chars()
                            .take_while(|c| c.is_alphabetic() || *c == '-')
                            .collect::<String>()
                            .to_ascii_lowercase();
                        w.ends_with("est")
                            || w.starts_with("most")
                            || matches!(w.as_str(), "top" | "leading" | "biggest")
                    })
                };
                // "the highest rate in the EU", "the fourth-most indebted country in the
                // bloc": the set a superlative ranks within.
                let scope_after_superlative = {
                    let k = m.tok_start;
                    let lead = |i: usize| text[tokens[i].start..tokens[i].end].to_lowercase();
                    let mut i = k;
                    if i >= 1 && lead(i - 1) == "the" {
                        i -= 1;
                    }
                    let opens = i >= 1 && matches!(lead(i - 1).as_str(), "in" | "across");
                    opens
                        && (i.saturating_sub(6)..i - 1).any(|j| {
                            let w = lead(j);
                            words::is_superlative(&w)
                        })
                };
                // "Great Northern": a name that ends a longer capitalised name is part of it.
                let inside_a_name = m.tok_start >= 1 && {
                    let prev = tokens[m.tok_start - 1];
                    let gap = &text[prev.end..m.start];
                    let opens_sentence = text[..prev.start].trim_end().is_empty();
                    gap == " "
                        && prev.text.starts_with(|c: char| c.is_uppercase())
                        && !opens_sentence
                        && !words::may_open_clause(prev.text)
                        && !crate::quantity::is_month(&prev.text.to_lowercase())
                        && !prev.text.ends_with("'s")
                        && !prev.text.ends_with("’s")
                };
                let place = if scope_of_superlative || scope_after_superlative {
                    Place::Scope
                } else if wide && opens_a_name || inside_a_name {
                    Place::PartOfAName
                } else {
                    Place::Subject
                };
                (m, place)
            })
            .collect();
        let scopes: Vec<Mention> = classed
            .iter()
            .filter(|(_, p)| *p == Place::Scope)
            .map(|(m, _)| m.clone())
            .collect();
        let mentions: Vec<Mention> = classed
            .into_iter()
            .filter(|(_, p)| *p == Place::Subject)
            .map(|(m, _)| m)
            .collect();
        SentenceContext {
            text,
            offset,
            tokens,
            mentions,
            scopes,
            metric_terms,
            term_spans,
            lower: text.to_ascii_lowercase(),
            years_in_force: Vec::new(),
            sentence_year: None,
            article_year: None,
        }
    }

    /// The metrics this sentence names, if any.
    fn metric_names(&self) -> Option<Vec<(usize, String)>> {
        let mut m: Vec<(usize, String)> = self
            .metric_terms
            .iter()
            .map(|(_, t, name)| (*t, name.clone()))
            .collect();
        m.sort();
        m.dedup();
        (!m.is_empty()).then_some(m)
    }

    /// Token index of the first token at or after a byte offset of the sentence.
    fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.end <= offset)
    }

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
            .map(|q| Quantity {
                start: q.start - self.offset,
                end: q.end - self.offset,
                ..q.clone()
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
            .filter(|q| matches!(q.kind, Kind::Year | Kind::Date) && q.value.is_some())
            .collect();
        let respectively = self.respectively(&values);
        let mut out = Vec::new();
        // The entities and metric of the last start of a change, for its end.
        let mut change_start: Option<ChangeStart> = None;
        for (q, role) in &values {
            // "five times the size of Wales": a ratio of two named rows.
            if q.kind == Kind::Multiple {
                let period = self.period_for(q, &years, &value_positions);
                let compared =
                    self.comparison(linker, sentence, q, &value_positions, inherited, period);
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
            if let Some(reason) = self.not_a_table_value(q) {
                let about_change = reason.contains("change") || reason.contains("increment");
                if change.is_none() || !about_change {
                    // A difference between two named rows is checked as one.
                    if reason.starts_with("states a difference") {
                        let period = self.period_for(q, &years, &value_positions);
                        let compared = self.comparison(
                            linker,
                            sentence,
                            q,
                            &value_positions,
                            inherited,
                            period,
                        );
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
            let (entities, from_start) = match (&change_start, role) {
                (Some((e, _)), Role::ChangeTo) if !e.is_empty() => (e.clone(), true),
                _ => (entities, false),
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
                (Some((_, Some(m))), Role::ChangeTo, _) => Some(m.clone()),
                (_, _, Some(m)) => Some(m),
                _ => self.metric_for(q, role, &value_positions, inherited, linker),
            };
            if role == Role::ChangeFrom {
                change_start = Some((entities.clone(), metric.clone()));
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
                        let size = if q.kind == Kind::Percent {
                            ChangeSize::Percent(base.quantity.clone())
                        } else {
                            ChangeSize::Absolute(base.quantity.clone())
                        };
                        base.shape = Shape::Trend(Trend {
                            direction,
                            from: None,
                            size: Some(size),
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
        let reading = match period {
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
                    match (earlier.as_slice(), before) {
                        // Two periods in the row: the start can only be the other one.
                        ([only], _) => Some((
                            only.to_string(),
                            Found::only(format!("{only}, the row's only other period")),
                        )),
                        (_, Some(p)) => {
                            let words = format!("{p}, the row's period before {now}");
                            Some((p, Found::defaulted(words)))
                        }
                        _ => None,
                    }
                }),
            Period::YearsAgo(n) => {
                self.current_period(t, &entity, &metric, at)
                    .and_then(|(base, found)| {
                        let year = base.parse::<i64>().ok()? - n;
                        let words = format!("{n} year(s) before {base}");
                        let found = Found {
                            words,
                            basis: found.basis.max(Basis::Stated),
                        };
                        Some((year.to_string(), found))
                    })
            }
        };
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
            None => claim.unlinked = Some("the table has no period".to_string()),
        }
        claim
    }

    /// The period of a claim whose sentence states no year:
    /// - "now" when the sentence says so;
    /// - the table's only period, or the only period of the claim's row;
    /// - else the nearest year in force (the sentence's, the paragraph's, the section's, the
    ///   article's) that the row has;
    /// - else, when no year is in force, the present: the table's current period;
    /// - else the current period as a default, which may confirm but never refute.
    fn current_period(
        &self,
        t: &Table,
        entity: &str,
        metric: &str,
        at: usize,
    ) -> Option<(String, Found)> {
        let current = t.current_period()?.to_string();
        if let Some(word) = self.now_word() {
            return Some((current, Found::stated(word)));
        }
        if t.period_count() == 1 {
            let found = Found::only(format!("{current}, the table's only period"));
            return Some((current, found));
        }
        let own = self
            .sentence_year
            .as_ref()
            .filter(|(_, year_at)| *year_at < at)
            .map(|(y, _)| (y.as_str(), "the year of the sentence"));
        let in_force = own
            .into_iter()
            .chain(
                self.years_in_force
                    .iter()
                    .map(|(y, from)| (y.as_str(), *from)),
            )
            .chain(
                self.article_year
                    .as_deref()
                    .map(|y| (y, "the year of the article")),
            )
            .find(|(y, _)| t.has_period(y));
        if let Some((year, from)) = in_force {
            if t.lookup(entity, metric, year).is_some() {
                let found = Found::inherited(format!("{year}, {from}"));
                return Some((year.to_string(), found));
            }
        }
        let series = t.periods(entity, metric);
        if let [only] = series.as_slice() {
            let found = Found::only(format!("{only}, the only period of this row"));
            return Some((only.to_string(), found));
        }
        match (in_force, &self.article_year) {
            // No year in force: the text speaks of the present, as the current period does.
            (None, None) => {
                let found = Found::inherited(format!(
                    "{current}, the table's current period; no year is in force"
                ));
                Some((current, found))
            }
            (Some((year, from)), _) => {
                let found = Found::defaulted(format!(
                    "{current}, the table's current period, though {year} is {from}"
                ));
                Some((current, found))
            }
            (None, Some(year)) => {
                let found = Found::defaulted(format!(
                    "{current}, the table's current period, though the article is of {year}"
                ));
                Some((current, found))
            }
        }
    }

    /// A word by which the sentence speaks of the present: "now", "today", "currently".
    fn now_word(&self) -> Option<&'static str> {
        const NOW: [&str; 5] = ["now", "today", "currently", "presently", "nowadays"];
        self.lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .find_map(|w| NOW.iter().find(|n| **n == w).copied())
    }

    /// Whether a number with no place is about the table's total: the metric names what it
    /// counts ("40,000 fighters", "5,600 returnees") or the sentence says it is a total
    /// ("overall", "worldwide", "in all").
    fn speaks_of_total(&self, q: &Quantity) -> bool {
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
    fn has_total_word(&self) -> bool {
        self.total_word().is_some()
    }

    /// Whether "total" is said of the whole ("the total", "in total"), not of a sum of what
    /// the sentence names ("a total of 25").
    fn names_the_total(&self) -> bool {
        self.lower.contains("the total") || self.lower.contains("in total")
    }

    /// The word by which the sentence says it speaks of a total, if it does.
    fn total_word(&self) -> Option<&'static str> {
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

    fn mentions_any_place(&self) -> bool {
        !self.mentions.is_empty()
    }

    /// Why a quantity states no value of a table, if it does not: years, ranks and fractions
    /// are other kinds of claim; a number that counts something no metric names
    /// ("a dozen security forces", "three years") is not about the table.
    fn not_a_table_value(&self, q: &Quantity) -> Option<String> {
        if let Some(reason) = self.not_asserted(q) {
            return Some(reason);
        }
        let ti = self.token_at(q.end);
        // "the 3-dart average", "a 3-point shot": a number hyphenated to a word that is no
        // unit modifies the noun after it and counts nothing.
        if let Some(rest) = self.text[q.end..].strip_prefix('-') {
            let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            if !word.is_empty() && !crate::units::lexicon().is_unit_word(&word) {
                return Some(format!("is part of the compound {}-{word}", q.text));
            }
        }
        // "area (km 2)": a flattened superscript squares or cubes the unit before it.
        if matches!(q.text.as_str(), "2" | "3") {
            let unit = self.text[..q.start].trim_end_matches(' ');
            let word = unit
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            if self.text[..q.start].ends_with(' ')
                && !word.is_empty()
                && crate::units::lexicon()
                    .read(word, crate::units::Join::Spaced)
                    .is_some_and(|(n, u)| {
                        n == word.len() && u.dimension == crate::units::Dimension::Length
                    })
            {
                return Some(format!("is the power of the unit {word}"));
            }
        }
        // A number inside a metric's own name ("area (km 2)", "upper index kcal / nm 3").
        let qs = self.token_at(q.start);
        if self
            .tokens
            .get(qs)
            .is_some_and(|t| t.start == q.start && t.end <= q.end)
            && self
                .term_spans
                .iter()
                .any(|(a, b)| *a <= qs && qs < *b && b - a > 1)
        {
            return Some("is part of a metric's name".into());
        }
        // A difference, a margin or a threshold is not a value of a row: "a majority of 174",
        // "almost 150 metres higher than", "six points clear", "the 270 needed for victory".
        let before = self.before(q.start);
        let after = self.after(q.end);
        let after_words: Vec<&str> = after
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .take(3)
            .collect();
        let before_words: Vec<&str> = before
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .collect();
        // "up nearly 12 percent", "fell by 2.4 percentage points": a change, not a level.
        let prev_word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        let changed = matches!(
            prev_word,
            "up" | "down"
                | "by"
                | "rose"
                | "fell"
                | "grew"
                | "dropped"
                | "increased"
                | "decreased"
                | "jumped"
                | "climbed"
                | "gained"
                | "lost"
                | "slipped"
                | "rise"
                | "fall"
                | "increase"
                | "decrease"
                | "drop"
                | "gain"
        );
        if changed && matches!(q.kind, Kind::Percent | Kind::PercentagePoints) {
            return Some("states a change, not a level".into());
        }
        // "caps daily admissions at 30,000", "aims for 50 percent": a limit or a goal.
        if before
            .split(|c: char| !c.is_alphabetic())
            .rev()
            .take(5)
            .any(|w| {
                matches!(
                    w,
                    "cap"
                        | "caps"
                        | "capped"
                        | "limit"
                        | "limits"
                        | "limited"
                        | "aim"
                        | "aims"
                        | "target"
                        | "targets"
                        | "goal"
                        | "quota"
                        | "pledged"
                        | "promised"
                        | "plans"
                )
            })
        {
            return Some("states a limit or a goal, not a value".into());
        }
        // "Together the Celtics and Lakers hold 35": a sum over several, not one row.
        if self
            .lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| matches!(w, "together" | "combined" | "jointly"))
            || self.lower.contains("between them")
        {
            return Some("states a sum over several, not one row".into());
        }
        // "the three remain tied": a spelled-out count that refers back to things named.
        let prev_word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if matches!(prev_word, "the" | "these" | "those" | "all")
            && q.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && !self.has_head_noun(q)
        {
            return Some("refers back to things already named".into());
        }
        // "two more", "89 more residents", "three extra": an increment, not a level.
        if after_words.first().is_some_and(|w| words::is_increment(w)) {
            // "four more golds than Germany" measures against a named row.
            let than = after
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .take(4)
                .any(|w| w == "than");
            if than {
                return Some("states a difference, not a value".into());
            }
            return Some("states an increment, not a value".into());
        }
        // "three in a row", "five straight": a streak.
        if after.starts_with("in a row")
            || after_words.first().is_some_and(|w| {
                matches!(*w, "straight" | "consecutive" | "successive" | "running")
            })
        {
            return Some("states a streak, not a value".into());
        }
        // "the lowest of the 14", "one of the 20": the size of a set the claim picks from.
        let prev = before_words.last().copied().unwrap_or("");
        let prev2 = before_words
            .len()
            .checked_sub(2)
            .map(|i| before_words[i])
            .unwrap_or("");
        let prev3 = before_words
            .len()
            .checked_sub(3)
            .map(|i| before_words[i])
            .unwrap_or("");
        if (prev == "of" && words::picks_from_a_set(prev2))
            || (prev == "the" && prev2 == "of" && words::picks_from_a_set(prev3))
        {
            return Some("counts the set a claim picks from".into());
        }
        // "would push it past 7,000 km", "could reach 1,000": a hypothesis.
        let clause_start = before.rfind([',', ';', '.', ':']).map_or(0, |i| i + 1);
        if before[clause_start..]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| matches!(w, "would" | "could" | "might" | "if" | "unless" | "should"))
        {
            return Some("is a hypothesis, not a value".into());
        }
        // "added two", "gained 3 seats": the size of a change.
        let prev_is_term = {
            let k = self.token_at(q.start);
            k > 0 && self.metric_terms.iter().any(|(i, _, _)| *i == k - 1)
        };
        if words::is_increment_verb(prev) && !prev_is_term {
            return Some("states the size of a change, not a value".into());
        }
        if words::DIFFERENCE_NOUNS
            .iter()
            .any(|n| before.ends_with(&format!("{n} of")) || before.ends_with(&format!("{n} by")))
        {
            return Some("states a difference, not a value".into());
        }
        // "trailed its rival by 8 million", "beat Spain by two points", "led by 3": the
        // margin between two rows.
        if prev == "by" {
            let clause = &before[before.rfind([',', ';', ':']).map_or(0, |i| i + 1)..];
            // "Japan had more medals than Russia by 25" measures one row against another too.
            if clause
                .split(|c: char| !c.is_alphabetic())
                .any(|w| words::is_verb_of_beating(w) || w == "than")
            {
                return Some("states a difference, not a value".into());
            }
        }
        for k in ti..(ti + 3).min(self.tokens.len()) {
            let w = self.tokens[k].text.to_lowercase();
            // A token may begin inside the quantity ("4,500.ds"): then nothing lies between.
            let gap_start = q.end.min(self.tokens[k].start);
            if self.text[gap_start..self.tokens[k].start].contains([',', ';', '.']) {
                break;
            }
            let next = self
                .tokens
                .get(k + 1)
                .map(|t| t.text.to_lowercase())
                .unwrap_or_default();
            if words::is_comparative(&w)
                && (next == "than" || w == "clear" || w == "ahead" || w == "behind")
            {
                return Some("states a difference, not a value".into());
            }
            // "five gold medals behind Canada", "20 picks prior to", "207 points below the top":
            // a distance from another row.
            // "two lanes before Inada": a distance in an order of named rows.
            let before_a_name = matches!(w.as_str(), "before" | "after")
                && self
                    .mentions
                    .iter()
                    .any(|m| m.tok_start == k + 1 || (m.tok_start == k + 2 && next == "the"));
            let relative = matches!(w.as_str(), "behind" | "ahead" | "below" | "above")
                || (w == "prior" && next == "to")
                || before_a_name;
            if relative && k > ti {
                return Some("states a difference, not a value".into());
            }
            if words::is_threshold(&w) {
                return Some(format!("states what is {w}, not a value"));
            }
            // The counted noun may be any word ("one stroke less than"); past it, only terms,
            // units and numbers.
            if k > ti
                && !(self.metric_terms.iter().any(|(i, _, _)| *i == k)
                    || words::is_unit_noun(&w)
                    || w.starts_with(|c: char| c.is_ascii_digit()))
            {
                break;
            }
        }
        // The word counted by the number: skip names of places and people and adjectives
        // that describe them, then read the noun.
        let mut i = ti;
        while let Some(t) = self.tokens.get(i) {
            if self
                .mentions
                .iter()
                .any(|m| m.tok_start <= i && i < m.tok_end)
            {
                i += 1;
                continue;
            }
            if t.text.starts_with(|c: char| c.is_uppercase()) && i > ti {
                i += 1;
                continue;
            }
            // "91 Falcon 9 flights", "two Ariane 5s": the number of a product's name.
            let after_name = i > ti
                && self.tokens[i - 1]
                    .text
                    .starts_with(|c: char| c.is_uppercase())
                && &self.text[self.tokens[i - 1].end..t.start] == " ";
            if after_name && t.text.starts_with(|c: char| c.is_ascii_digit()) {
                i += 1;
                continue;
            }
            break;
        }
        let next = self.tokens.get(i)?;
        // Another number ("250, 271 and 198"): nothing is counted here.
        if next.text.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        // Only the word right after the number (or after names) counts.
        let between = &self.text[q.end.min(next.start)..next.start];
        if between.contains(['.', ',', ';', ':', '(', ')', '"', '“', '”']) {
            return None;
        }
        let lower = next.text.to_lowercase();
        if self.metric_terms.iter().any(|(k, _, _)| *k == i) {
            return None;
        }
        if words::counted_noun_is_generic(&lower) || words::is_function_word(&lower) {
            return None;
        }
        // "won the Australian Open six times": times of something the table counts.
        let counts_times = lower == "times" && {
            let k = self.token_at(q.start);
            k > 0 && self.term_spans.iter().any(|(_, e)| *e == k)
        };
        if counts_times {
            return None;
        }
        // "a 4.1% decrease": the size of a change, typed as one by `change_direction`.
        if types::change_noun(&lower).is_some() {
            return None;
        }
        if words::is_unit_noun(&lower) {
            return Some(format!("counts {lower}, which no table measures"));
        }
        if lower.ends_with("ed") || lower.ends_with("ing") || lower.ends_with("ly") {
            return None;
        }
        if next.text.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        Some(format!("counts {lower}, which no table measures"))
    }

    /// The word that makes a number a place in an order, if one does: "ranked 2", "rank 7",
    /// "a rank of 6", "position 1", "in 1 position", "seeded 3", "ranked number one".
    fn position_word(&self, q: &Quantity) -> Option<String> {
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
    fn rank_metric(&self, linker: &Linker<'_>) -> Option<(usize, String)> {
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
    fn follows_a_term(&self, q: &Quantity) -> bool {
        let k = self.token_at(q.start);
        k > 0 && self.metric_terms.iter().any(|(i, _, _)| *i == k - 1)
    }

    /// Mentions that a quantity speaks of.
    fn entities_for(&self, q: &Quantity, values: &[(usize, usize)]) -> Vec<Mention> {
        // "Lithuania (57%)", "Macao: 552", "Hawaii – 3.5%": a number set right after a name
        // by a bracket, a colon or a dash is that name's alone, whatever list it stands in.
        let lead = self.text[..q.start].trim_end();
        let joined = lead
            .strip_suffix('(')
            .or_else(|| lead.strip_suffix(':'))
            .or_else(|| lead.strip_suffix('–'))
            .or_else(|| lead.strip_suffix('—'))
            // "California, at 6.5%", "Nevada at 5.4%"
            .or_else(|| {
                lead.strip_suffix(" at")
                    .map(|b| b.trim_end().trim_end_matches(','))
            })
            .map(str::trim_end);
        if let Some(before) = joined {
            let m = self.mentions.iter().find(|m| m.end == before.len());
            // "Italy matched Japan at 1.20" speaks of Italy; "Japan (1.20)" of Japan.
            let by_at = lead.ends_with(" at");
            if let Some(m) = m.filter(|m| !(by_at && self.is_verb_object(m))) {
                return vec![m.clone()];
            }
        }
        // "Sevilla with 22 wins", "followed by the US with 38": the name right before "with"
        // has the number, unless it is the object of a verb of beating or passing ("beat
        // France with 3 goals" speaks of the subject).
        if let Some(before) = lead.strip_suffix(" with").map(str::trim_end) {
            let m = self.mentions.iter().find(|m| m.end == before.len());
            if let Some(m) = m.filter(|m| !self.is_verb_object(m)) {
                return vec![m.clone()];
            }
        }
        // Right: "3,244 from Saudi Arabia", "1,623 Moroccan recruits", "800 British nationals",
        // "3,000 fighters from Jordan", "3,244 fighters came from Saudi Arabia".
        let after = self.token_at(q.end);
        let mut k = after;
        let mut preposition = false;
        while k < self.tokens.len() && k <= after + 5 {
            if let Some(m) = self.mentions.iter().find(|m| m.tok_start == k) {
                // Right after the number (words of the metric may stand between): a demonym
                // or a name the table itself knows ("2,710 adult snow leopards").
                let direct = !preposition && (m.demonym || m.from_table);
                if direct || preposition {
                    return self.coordinated_from(m);
                }
                break;
            }
            let t = self.tokens[k];
            // Another value in between: what follows belongs to it.
            if values.iter().any(|(s, _)| *s >= q.end && *s <= t.start) {
                break;
            }
            let gap = &self.text[q.end.min(t.start)..t.start];
            if gap.contains([',', ';', ':', '.', '(', ')']) {
                break;
            }
            let word = t.text.to_lowercase();
            let is_metric = self.metric_terms.iter().any(|(i, _, _)| *i == k);
            let next_is_metric = self.metric_terms.iter().any(|(i, _, _)| *i == k + 1);
            match word.as_str() {
                // "181 for W35", "75% for Labour"
                "from" | "of" | "by" | "for" => preposition = true,
                // "9 in gold for Japan": "in" before a metric's term joins it.
                "in" if next_is_metric && !preposition => {}
                // "65.4% in Estonia": "in" right before a name ties the number to it.
                "in" if !preposition
                    && self
                        .mentions
                        .iter()
                        .any(|m| m.tok_start == k + 1 && !m.entities.is_empty()) =>
                {
                    preposition = true
                }
                "the" if preposition => {}
                "came" | "come" | "comes" | "coming" | "hailed" | "hail" | "originated"
                    if !preposition => {}
                _ if is_metric && !preposition => {}
                _ => break,
            }
            k += 1;
        }
        // Left: the nearest mention (or coordinated group of mentions) before the quantity.
        let before = self.token_at(q.start);
        // "Rutland's 16", "Clinton's 227": a possessive right before the number owns it,
        // whatever else the sentence compares it with.
        let possessive = self.mentions.iter().find(|m| {
            m.tok_end == before && {
                let gap = self.text[m.end..q.start].trim();
                let owned = self.text[m.start..m.end].ends_with("'s")
                    || self.text[m.start..m.end].ends_with("’s");
                matches!(gap, "'s" | "’s" | "'" | "’") || (gap.is_empty() && owned)
            }
        });
        if let Some(m) = possessive {
            return vec![m.clone()];
        }
        // A place no table has does not hide an entity the table names itself ("China's
        // survey found 1,864 giant pandas" is about pandas when the table is about species).
        let table_named = self.mentions.iter().any(|m| m.from_table);
        // Nor does the object of a verb of ranking: "Spain tops the EU table at 12.2%" is
        // about Spain.
        let ranked_object = |m: &Mention| self.is_ranked_object(m);
        // "…, more than Schindler's List, which won seven": a relative clause speaks of the
        // name it follows, whatever that name's part in the main clause.
        let relative = self
            .mentions
            .iter()
            .rfind(|m| m.tok_end <= before)
            .filter(|m| {
                let gap = self.lower[m.end..q.start].trim_start();
                gap.starts_with(", which") || gap.starts_with(", who") || gap.starts_with(", whose")
            });
        if let Some(m) = relative {
            return self.coordinated_to(m);
        }
        let left = self
            .mentions
            .iter()
            .filter(|m| !(table_named && m.entities.is_empty()))
            .filter(|m| !ranked_object(m))
            .rfind(|m| m.tok_end <= before);
        match left {
            Some(m) if self.clause_has_own_name(m.end, q.start) => Vec::new(),
            Some(m) => self.coordinated_to(m),
            None => Vec::new(),
        }
    }

    /// Whether a name is the object of a verb of ranking or beating ("tops the EU table",
    /// "beat France") or of a comparison ("more than his great rival Prost").
    fn is_ranked_object(&self, m: &Mention) -> bool {
        let k = m.tok_start;
        self.is_verb_object(m) || (k.saturating_sub(4)..k).any(|i| self.lower_token(i) == "than")
    }

    /// Whether a name is the object of a verb of ranking or beating.
    fn is_verb_object(&self, m: &Mention) -> bool {
        let mut k = m.tok_start;
        if k >= 1 && self.lower_token(k - 1) == "the" {
            k -= 1;
        }
        k >= 1 && {
            let w = self.lower_token(k - 1);
            words::is_verb_of_beating(&w)
                || matches!(
                    w.as_str(),
                    "tops"
                        | "topped"
                        | "behind"
                        | "ahead"
                        | "matched"
                        | "equalled"
                        | "equaled"
                        | "matching"
                        | "joined"
                        | "joins"
                )
        }
    }

    /// Whether the text between a name (ending at `from`) and a number (at `to`) opens a new
    /// clause with a name of its own that no table knows: "Tunisia had 2,926; Libya had 600"
    /// must not tie 600 to Tunisia. A clause with no name ("…, and rose to 3,000") carries its
    /// subject on.
    fn clause_has_own_name(&self, from: usize, to: usize) -> bool {
        let gap = &self.text[from..to];
        let lower = &self.lower[from..to];
        let boundary = [
            "; ",
            ", while ",
            ", whereas ",
            ", but ",
            ", and ",
            " while ",
            " whereas ",
        ]
        .iter()
        .filter_map(|b| lower.rfind(b).map(|i| i + b.len()))
        .max();
        let Some(at) = boundary else {
            return false;
        };
        // "…, but its House delegation shrank to 52": a pronoun carries the subject on.
        if lower[at..]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| matches!(w, "its" | "their" | "his" | "her" | "it" | "they"))
        {
            return false;
        }
        // A capitalised word in the new clause that is not a known name and does not open a
        // sentence: the clause's own subject, unknown to the tables.
        gap[at..]
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty())
            .any(|w| w.starts_with(|c: char| c.is_uppercase()) && !words::may_open_clause(w))
    }

    /// The group of mentions ending with `last`: "Tunisia and France", "both Saudi Arabia and
    /// Tunisia", "Russia, Jordan and France".
    fn coordinated_to(&self, last: &Mention) -> Vec<Mention> {
        let idx = self
            .mentions
            .iter()
            .position(|m| m.start == last.start)
            .unwrap_or(0);
        // Walk back over the links; the one nearest `last` must be a conjunction.
        let mut group = vec![last.clone()];
        let mut links = Vec::new();
        let mut cur = last.clone();
        for m in self.mentions[..idx].iter().rev() {
            let between = self.text[m.end..cur.start].trim().to_lowercase();
            if !is_coordinator(&between) {
                break;
            }
            links.push(between);
            group.push(m.clone());
            cur = m.clone();
        }
        // "A, B and C": the link next to the last name closes the list; a bare comma there
        // ("In Northern Ireland, the DUP") joins no list.
        let keep = if links.first().is_some_and(|l| l == ",") {
            0
        } else {
            links.len()
        };
        group.truncate(keep + 1);
        group.reverse();
        group
    }

    fn coordinated_from(&self, first: &Mention) -> Vec<Mention> {
        let idx = self
            .mentions
            .iter()
            .position(|m| m.start == first.start)
            .unwrap_or(0);
        let mut group = vec![first.clone()];
        let mut links = Vec::new();
        let mut cur = first.clone();
        for m in self.mentions[idx + 1..].iter() {
            let between = self.text[cur.end..m.start].trim().to_lowercase();
            if !is_coordinator(&between) {
                break;
            }
            links.push(between);
            group.push(m.clone());
            cur = m.clone();
        }
        let keep = well_formed_list(links.iter().map(String::as_str));
        group.truncate(keep + 1);
        group
    }

    /// "Jordan, France and Morocco had 250, 271 and 198 respectively": the i-th value belongs
    /// to the i-th entity.
    fn respectively(&self, values: &[(Quantity, Role)]) -> Option<Vec<Mention>> {
        let lower = &self.lower;
        if !lower.contains("respectively") {
            return None;
        }
        // The run of values joined by "and" or commas right before "respectively" pairs with
        // the group of names before the run; values before the run are said of all the names
        // ("were both at 9.3%, down from 10.4% and 10.0% respectively").
        let at = lower.find("respectively")?;
        let before: Vec<&Quantity> = values
            .iter()
            .map(|(q, _)| q)
            .filter(|q| is_value(q) && q.end <= at)
            .collect();
        let mut first = before.len().checked_sub(1)?;
        while first > 0 {
            let gap = lower[before[first - 1].end..before[first].start].trim();
            if !matches!(gap, "and" | "," | ", and" | "or") {
                break;
            }
            first -= 1;
        }
        let last = self
            .mentions
            .iter()
            .rfind(|m| m.end <= before[first].start)?;
        let group = self.coordinated_to(last);
        let n = before.len() - first;
        (n == group.len() && n > 1).then_some(group)
    }

    /// Whether other values after the same group of places would also be read as theirs,
    /// and no distributive word ("each", "both", "apiece") says they all hold for each.
    fn shared_by_several(
        &self,
        q: &Quantity,
        group: &[Mention],
        values: &[(usize, usize)],
    ) -> bool {
        let Some(last) = group.last() else {
            return false;
        };
        let distributive = self
            .lower
            .split(|c: char| !c.is_alphabetic())
            .any(|w| matches!(w, "each" | "both" | "apiece" | "all"));
        if distributive {
            return false;
        }
        values.iter().any(|(st, _)| {
            *st != q.start
                && *st >= last.end
                && !self
                    .mentions
                    .iter()
                    .any(|m| m.start >= last.end && m.end <= *st)
        })
    }

    /// Whether `q` is the part in "250 of the 3,000 fighters", "271 of 1,910", "50 out of 280".
    fn is_part(&self, q: &Quantity, values: &[(usize, usize)]) -> bool {
        let after = &self.text[q.end..];
        let lower = &self.lower[q.end..];
        let rest = [
            "of the ",
            "of its ",
            "of their ",
            "of his ",
            "of her ",
            "out of the ",
            "out of ",
            "of ",
        ]
        .iter()
        .find_map(|p| {
            lower
                .strip_prefix(&format!(" {p}"))
                .map(|r| after.len() - r.len())
        });
        match rest {
            Some(skip) => values.iter().any(|(s, _)| *s == q.end + skip),
            None => false,
        }
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

    /// `q` with its span moved from the sentence's offsets to the plain text's.
    fn placed(&self, q: &Quantity) -> Quantity {
        Quantity {
            start: q.start + self.offset,
            end: q.end + self.offset,
            ..q.clone()
        }
    }

    /// Up to `WINDOW` bytes of the sentence before `at`, lowercase and trimmed: the words a
    /// rule looks back at. Bounded, so a sentence of a million numbers stays linear.
    fn before(&self, at: usize) -> &str {
        let mut from = at.saturating_sub(WINDOW);
        while !self.lower.is_char_boundary(from) {
            from += 1;
        }
        self.lower[from..at].trim_end()
    }

    /// Up to `WINDOW` bytes of the sentence after `at`, lowercase and trimmed.
    fn after(&self, at: usize) -> &str {
        let mut to = (at + WINDOW).min(self.lower.len());
        while !self.lower.is_char_boundary(to) {
            to -= 1;
        }
        self.lower[at..to].trim_start()
    }

    fn lower_token(&self, k: usize) -> String {
        self.tokens
            .get(k)
            .map(|t| t.text.to_lowercase())
            .unwrap_or_default()
    }

    /// Whether `q` is the whole of a part before it ("411 of the 650 seats").
    fn is_whole(&self, q: &Quantity, values: &[(usize, usize)]) -> bool {
        values.iter().any(|(_, e)| {
            *e <= q.start && {
                // Only a short gap can read "of the": test its length before lowercasing it, or
                // a sentence of many numbers costs the cube of its length.
                let gap = self.text[*e..q.start].trim();
                gap.len() <= 64 && {
                    let gap = gap.to_lowercase();
                    let gap = gap.trim();
                    let rest = gap
                        .strip_prefix("out of")
                        .or_else(|| gap.strip_prefix("of"));
                    rest.is_some_and(|r| {
                        matches!(
                            r.trim(),
                            "" | "the"
                                | "his"
                                | "her"
                                | "its"
                                | "their"
                                | "our"
                                | "these"
                                | "those"
                        )
                    })
                }
            }
        })
    }

    /// Whether the sentence names a metric other than the one right after `q` (its noun):
    /// "250 of the 3,000 fighters … have returned" does (returned), "411 of the 650 seats"
    /// does not.
    fn part_has_own_metric(&self, q: &Quantity) -> bool {
        let after = self.token_at(q.end);
        let own: Vec<&String> = self
            .metric_terms
            .iter()
            .filter(|(k, _, _)| *k >= after && *k < after + 3)
            .map(|(_, _, m)| m)
            .collect();
        self.metric_terms.iter().any(|(_, _, m)| !own.contains(&m))
    }

    /// The period of a claim, as a year when the sentence gives one for it.
    /// Whether a metric term names what `q` counts, right after it ("3,000 fighters").
    fn has_head_noun(&self, q: &Quantity) -> bool {
        let after = self.token_at(q.end);
        // Right after it, or after one adjective ("3,000 foreign fighters"), not after a
        // preposition ("20 at Wimbledon").
        let adjective = self
            .tokens
            .get(after)
            .is_some_and(|t| !words::is_function_word(&t.text.to_lowercase()));
        self.metric_terms
            .iter()
            .any(|(k, _, _)| *k == after || (adjective && *k == after + 1))
    }

    /// A year right after a value: "2,400 in 2015", "320 by 2017".
    fn attached_year(
        &self,
        q: &Quantity,
        years: &[&Quantity],
        values: &[(usize, usize)],
    ) -> Option<String> {
        match self.period_for(q, years, values) {
            Period::Year(y) if years.iter().any(|x| x.start >= q.end && year_label(x) == y) => {
                Some(y)
            }
            _ => None,
        }
    }

    fn period_for(&self, q: &Quantity, years: &[&Quantity], values: &[(usize, usize)]) -> Period {
        // "2,400 in 2015", "6,000 militants in December 2015", "3,244 as of 2017",
        // "320 by 2017": a year shortly after the value, introduced by a preposition.
        for y in years {
            if y.start >= q.end {
                let between = self.text[q.end..y.start].to_lowercase();
                let ws: Vec<&str> = between
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                let lead = ws.iter().rposition(|w| {
                    matches!(*w, "in" | "as" | "by" | "at" | "for" | "during" | "of")
                });
                // "348 million in the same quarter of 2022"
                let ok = ws.len() <= 6
                    && lead.is_some_and(|k| ws[k..].iter().all(|w| words::is_period_lead(w)))
                    && !ws
                        .iter()
                        .any(|w| matches!(*w, "to" | "than" | "since" | "from" | "and"))
                    // "41 races before his death in 1994" reaches no further than before.
                    && (ws.len() <= 4
                        || !ws.iter().any(|w| matches!(*w, "before" | "after" | "until")));
                let no_value_between = !values.iter().any(|(s, _)| *s > q.end && *s < y.start);
                if ok && no_value_between && !between.contains(['.', ';', ',']) {
                    return Period::Year(year_label(y));
                }
                break;
            }
        }
        // "In 2015, Tunisia had 6,000": a year before, introduced by "in", not already taken
        // by another value, with no "since".
        for y in years.iter().rev() {
            if y.end <= q.start {
                // "2021's 76.1 million": a year that owns the figure dates it.
                let owned = self.text[y.end..q.start].trim();
                if matches!(owned, "'s" | "’s") {
                    return Period::Year(year_label(y));
                }
                // "up 18% on 2019, when France recorded 89.4 million": a "when" clause
                // speaks of the year it follows.
                let gap = self.lower[y.end..q.start].trim_start_matches([',', ' ']);
                let no_value_between = !values.iter().any(|(s, _)| *s > y.end && *s < q.start);
                if gap.starts_with("when ") && no_value_between && !gap.contains([',', ';', '.']) {
                    return Period::Year(year_label(y));
                }
                let before = self.before(y.start);
                let prev = before
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                // "As recently as 2021 the total was 146", "back in 2019"
                let by_preposition = matches!(prev, "in" | "by" | "of" | "during")
                    || ["as of", "recently as", "late as", "early as"]
                        .iter()
                        .any(|p| before.ends_with(p));
                // "the 2019 count found …", "its 2017 assessment estimated …"
                let after_year = self.text[y.end..].trim_start();
                let attributive = (after_year.starts_with(|c: char| c.is_ascii_lowercase())
                    && matches!(prev, "the" | "its" | "their" | "a" | "this" | "that"))
                    || before.ends_with("'s")
                    || before.ends_with("’s");
                let now_between = self.text[y.end..q.start]
                    .to_lowercase()
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| matches!(w, "now" | "today" | "currently" | "current" | "latest"));
                // "its 2017 assessment estimated …" dates its own clause only: "Yellowstone,
                // which lost its 2022 season to floods, rebounded to 4.5 million" does not.
                let attributive = attributive && !self.text[y.end..q.start].contains(',');
                let lead_ok = (by_preposition || attributive) && !now_between;
                let taken = values.iter().any(|(_, e)| {
                    *e <= y.start && {
                        let gap = self.text[*e..y.start].to_lowercase();
                        gap.split_whitespace().count() <= 3
                    }
                }) || self.place_before(y.start);
                // A year that opens the sentence ("In 2016, …") dates all of it; one inside
                // it dates the values up to the next value.
                let opens_sentence = y.start < WINDOW
                    && before.split_whitespace().count() <= 5
                    && [
                        "in",
                        "by",
                        "at",
                        "as of",
                        "during",
                        "by the end of",
                        "at the end of",
                        "as recently as",
                        "as late as",
                        "as early as",
                        "back in",
                    ]
                    .iter()
                    .any(|p| before.starts_with(p));
                let value_between = values.iter().any(|(s, _)| *s > y.end && *s < q.start);
                // Inside the sentence, a year dates only its own clause: "won four times,
                // most recently in 2018, while Norway has four wins" leaves Norway's undated.
                let gap = self.text[y.end..q.start].to_lowercase();
                let same_clause = !gap.contains(';')
                    && ![
                        ", while",
                        ", whereas",
                        ", but",
                        ", although",
                        ", though",
                        ", and",
                        ", as ",
                    ]
                    .iter()
                    .any(|c| gap.contains(c));
                if lead_ok && !taken && (opens_sentence || (!value_between && same_clause)) {
                    return Period::Year(year_label(y));
                }
                break;
            }
        }
        // "the 83.5 million it received before the pandemic", "pre-pandemic": an earlier
        // period the text does not date.
        if self.undated_earlier(q) {
            return Period::Earlier;
        }
        // "12.9% a year earlier", "the previous year": one year back.
        let after = self.after(q.end);
        if [
            "a year earlier",
            "a year before",
            "the year before",
            "the previous year",
            "a year ago",
            "the prior year",
        ]
        .iter()
        .any(|p| after.starts_with(p))
        {
            return Period::YearsAgo(1);
        }
        // "two years ago", "3 years ago": counted back from the table's current period, for
        // a value of the same clause before it with no other value between ("had 34 seats two
        // years ago"; not "24 seats, ten fewer than two years ago", where it dates the base of
        // the difference).
        let lower = &self.lower;
        let ago = lower.find(" years ago").or_else(|| lower.find(" year ago"));
        let own_clause = ago.is_some_and(|at| {
            // "Two years ago, Russia had 2,400": opening the sentence, it dates all of it.
            let opens = at < q.start && self.text[..at].split_whitespace().count() <= 3;
            opens
                || at >= q.end && {
                    let gap = &self.text[q.end..at];
                    !gap.contains([',', ';', '.', '(', ')'])
                        && gap.split_whitespace().count() <= 4
                        && !gap
                            .split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case("than"))
                }
        });
        if let Some(at) = ago.filter(|_| own_clause) {
            let before = &self.text[..at];
            let n = crate::extract(before)
                .last()
                .filter(|n| n.end == before.len())
                .and_then(|n| n.value);
            if let Some(n) = n.filter(|n| n.fract() == 0.0 && (1.0..=100.0).contains(n)) {
                return Period::YearsAgo(n as i64);
            }
        }
        Period::Current
    }

    /// Whether a place in an order stands right before the year at `at` ("from fifth in
    /// 2022"): the year is that place's.
    fn place_before(&self, at: usize) -> bool {
        let k = self.token_at(at);
        let lead = k.checked_sub(1).map(|i| self.lower_token(i));
        let place = k.checked_sub(2).map(|i| self.lower_token(i));
        matches!(lead.as_deref(), Some("in" | "of"))
            && place.is_some_and(|w| words::is_place_word(&w))
    }

    /// Whether the clause of `q` dates it to an earlier time it does not name: "before the
    /// pandemic", "prior to the war", "pre-crisis", "previously" after the figure, or "Before
    /// the pandemic, …" opening the sentence.
    fn undated_earlier(&self, q: &Quantity) -> bool {
        let after = &self.lower[q.end..];
        let clause = &after[..after.find([',', ';', '.', '(']).unwrap_or(after.len())];
        let words: Vec<&str> = clause.split_whitespace().take(8).collect();
        let marks = |ws: &[&str]| {
            ws.windows(2)
                .any(|p| matches!(p[0], "before" | "prior") && matches!(p[1], "the" | "to"))
                || ws
                    .iter()
                    .any(|w| w.starts_with("pre-") || *w == "previously" || *w == "formerly")
        };
        if marks(&words) {
            return true;
        }
        let opening: Vec<&str> = self.lower[..q.start].split_whitespace().take(3).collect();
        let head = self.lower.trim_start();
        (head.starts_with("before the ") || head.starts_with("prior to the "))
            && self.lower[..q.start].contains(',')
            && opening.len() == 3
    }

    /// The year of "since 2015" in the sentence, if any.
    fn since_year(&self, years: &[&Quantity]) -> Option<String> {
        years.iter().find_map(|y| {
            let before = self.text[..y.start].trim_end();
            let word = before.rsplit(|c: char| !c.is_alphabetic()).next()?;
            word.eq_ignore_ascii_case("since").then(|| year_label(y))
        })
    }

    /// The metric of a claim: the nearest metric term in the sentence, or the one its
    /// paragraph named last, or the only metric of a table.
    /// The metric a quantity's unit names: the one metric, among the tables that know the
    /// sentence's places (else all tables), measured in the unit's dimension. Several such
    /// metrics make the claim ambiguous (`Err` with the reason); none leaves it to the words.
    /// A duration that dates something ("two years ago", "a decade earlier") names nothing.
    fn unit_named_metric(
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

    fn metric_for(
        &self,
        q: &Quantity,
        role: Role,
        values: &[(usize, usize)],
        inherited: Option<&[(usize, String)]>,
        linker: &Linker<'_>,
    ) -> Option<Picked> {
        let qs = self.token_at(q.start);
        let qe = self.token_at(q.end);
        // "reading (504) and science (499)": a number in brackets right after a metric's term
        // is that metric's.
        if self.text[..q.start].trim_end().ends_with('(') && qs > 0 {
            let term = self.term_spans.iter().find(|(_, b)| *b == qs);
            if let Some((a, _)) = term {
                let names: Vec<&(usize, usize, String)> = self
                    .metric_terms
                    .iter()
                    .filter(|(k, _, _)| k == a)
                    .collect();
                if let [(_, t, m)] = names.as_slice() {
                    return Some(((*t, m.clone()), Found::stated(self.term_text(*a))));
                }
            }
        }
        if let Some((t, m)) = self.parallel_metric(q, values) {
            let words = format!("{m}, as for the figure before it");
            return Some(((t, m), Found::stated(words)));
        }
        let mut candidates: Vec<(usize, usize, &String, usize)> = self
            .metric_terms
            .iter()
            .map(|(k, t, m)| {
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
                    let other_phrase = gap.contains([',', ';', ':', '(', ')']) || opens_phrase;
                    k - qe + if other_phrase { 100 } else { 0 }
                } else {
                    // Measured from the term's last word: "tries against of 36".
                    let end = self
                        .term_spans
                        .iter()
                        .find(|(a, _)| a == k)
                        .map_or(*k + 1, |(_, b)| *b);
                    qs.saturating_sub(end) + 2
                };
                (d, *t, m, *k)
            })
            .collect();
        if role == Role::Part {
            // The part's metric is not the noun of its whole: "250 of the 3,000 fighters …
            // returned" speaks of returnees.
            let whole_metric = values.iter().find(|(s, _)| *s > q.end).and_then(|(_, e)| {
                let k = self.token_at(*e);
                self.metric_terms
                    .iter()
                    .find(|(i, _, _)| *i >= k && *i <= k + 1)
                    .map(|(_, _, m)| m.clone())
            });
            // When the whole's is the only metric, part and whole share it ("411 of the 650
            // seats").
            if let Some(wm) = whole_metric {
                if candidates.iter().any(|(_, _, m, _)| **m != wm) {
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

#[derive(Debug, Clone)]
enum Period {
    Year(String),
    /// So many years before the table's current period.
    YearsAgo(i64),
    Current,
    /// The start of a change with no year: the row's period before the one in force.
    Earlier,
}

fn year_label(y: &Quantity) -> String {
    y.value.map(|v| format!("{}", v as i64)).unwrap_or_default()
}

/// For each sentence, the years it sets in force for the sentences after it, each with
/// whether a preposition introduces it (and so dates the sentence's own clauses too): a year
/// introduced as the time of the figures ("in 2015", "as of 2017", "by the end of 2019",
/// "during 2020"), not a start or a bound ("since 2015", "from 2015", "until 2019").
fn years_in_force(doc: &Document<'_>, quantities: &[Quantity]) -> Vec<Vec<(String, bool, usize)>> {
    let plain = doc.plain.as_str();
    let mut out = vec![Vec::new(); doc.sentences.len()];
    let mut si = 0;
    for q in quantities.iter().filter(|q| q.kind == Kind::Year) {
        while si < doc.sentences.len() && doc.sentences[si].end <= q.start {
            si += 1;
        }
        let Some(sentence) = doc.sentences.get(si) else {
            break;
        };
        let before = plain[sentence.start..q.start.max(sentence.start)].trim_end();
        let prev = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        // A line that is only the year ("## 2015") sets it too, and so does a year that
        // names an event ("the 2024 general election", "its 2019 census"), and any year of a
        // heading-like line ("United States top the Paris 2024 medal table").
        let line = plain[sentence.start..sentence.end].trim_end();
        let heading = line.len() <= 100 && !line.ends_with(['.', '!', '?', ':', ';']);
        let alone = before.is_empty() || heading;
        let after = plain[q.end..sentence.end].trim_start();
        let attributive = matches!(prev.as_str(), "the" | "its" | "their" | "this" | "that")
            && after.starts_with(|c: char| c.is_alphabetic());
        let lead = matches!(prev.as_str(), "in" | "during" | "of" | "by");
        if alone || lead || attributive {
            let lower = before.to_ascii_lowercase();
            // "since 2015", "until the end of 2019", and the start of a change ("from 365
            // seats in 2019 to 121") set no year for what follows.
            let bound = [
                "since", "from", "until", "till", "before", "after", "between",
            ]
            .iter()
            .any(|b| lower.ends_with(&format!("{b} the end of")) || prev == *b);
            // The clause up to the year ("2,500" keeps its comma: a clause break is a
            // comma followed by a space).
            let clause_start = [", ", "; ", ": ", "(", ")", " - ", " – ", " — "]
                .iter()
                .filter_map(|b| lower.rfind(b).map(|i| i + b.len()))
                .max()
                .unwrap_or(0);
            let change_start = lower[clause_start..]
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .rev()
                .take(6)
                .any(|w| {
                    matches!(
                        w,
                        "from"
                            | "since"
                            | "until"
                            | "between"
                            | "before"
                            | "after"
                            | "than"
                            | "compared"
                    )
                });
            // "Heathrow, whose traffic was held back for much of 2022, rose …", "the fuel
            // whose price spike in 2022 …": a relative clause dates only itself.
            let clause_words: Vec<&str> = lower[clause_start..]
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            let relative_word = |w: &&str| matches!(*w, "whose" | "which" | "who");
            // "D66, the second-biggest party in 2021, slumped to nine": an appositive
            // closed right after its year dates only itself.
            let appositive = clause_start > 0
                && after.starts_with(',')
                && clause_words
                    .first()
                    .is_some_and(|w| matches!(*w, "the" | "a" | "an" | "its" | "their"));
            let relative = clause_words.first().is_some_and(relative_word)
                || clause_words.iter().rev().take(8).any(relative_word)
                || appositive;
            // "the 17 it took in 2021", "6,000 militants in December 2015": a year right
            // after a figure dates that figure, not the sentences after it.
            let dates_a_figure = quantities
                .iter()
                .filter(|v| v.kind != Kind::Year && is_value(v))
                .rfind(|v| v.end <= q.start && v.start >= sentence.start)
                .is_some_and(|v| {
                    let gap = &plain[v.end..q.start];
                    // "0.9 years longer than one born in 2022" dates the other term.
                    !gap.contains([',', ';', ':', '(', ')'])
                        && gap.split_whitespace().count() <= 5
                        && !gap
                            .split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case("than"))
                });
            if !bound && !change_start && !dates_a_figure && !relative {
                out[si].push((year_label(q), lead, q.start));
            }
        }
    }
    out
}

/// The year most of an article's dated figures are of, with the sentence that first names it:
/// the one most sentences set in force, when one is strictly the most frequent and at least
/// two sentences set it, else the year of its headline or lede. A year named once further down
/// dates its own paragraph only.
fn article_year(years: &[Vec<(String, bool, usize)>]) -> Option<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for sentence in years {
        let mut own: Vec<&str> = sentence.iter().map(|(y, _, _)| y.as_str()).collect();
        own.dedup();
        for y in own {
            *counts.entry(y).or_default() += 1;
        }
    }
    let most = counts.values().max().copied().filter(|n| *n >= 2);
    if let Some(most) = most {
        let mut top = counts.iter().filter(|(_, n)| **n == most);
        let (year, _) = top.next()?;
        if top.next().is_none() {
            let first = years
                .iter()
                .position(|ys| ys.iter().any(|(y, _, _)| y == year))?;
            return Some((year.to_string(), first));
        }
    }
    // Else the year of the headline or the lede, the first sentences of the article.
    years
        .iter()
        .take(LEDE_SENTENCES)
        .enumerate()
        .find_map(|(i, ys)| ys.first().map(|(y, _, _)| (y.clone(), i)))
}

/// How many sentences from the top of an article make its headline and lede.
const LEDE_SENTENCES: usize = 3;

/// A quantity with its sign turned: "fell by 31,000" is −31,000 against a signed change.
fn negated(q: &Quantity) -> Quantity {
    let flip = |v: Option<f64>| v.map(|v| if v == 0.0 { 0.0 } else { -v });
    // Keep a value already written with a minus sign as it is.
    if q.low.is_some_and(|v| v < 0.0) || q.value.is_some_and(|v| v < 0.0) {
        return q.clone();
    }
    Quantity {
        value: flip(q.value),
        low: flip(q.high),
        high: flip(q.low),
        ..q.clone()
    }
}

/// Quantities that can state a value of a table.
fn is_value(q: &Quantity) -> bool {
    matches!(
        q.kind,
        Kind::Number | Kind::Money | Kind::Percent | Kind::Range | Kind::PercentagePoints
    )
}

/// How many links of a list of names, in reading order from its first name, make a real
/// list: commas count only when a conjunction closes the list ("A, B and C").
fn well_formed_list<'a>(links: impl Iterator<Item = &'a str>) -> usize {
    let links: Vec<&str> = links.collect();
    // The longest prefix of links that ends with a conjunction.
    links.iter().rposition(|l| *l != ",").map_or(0, |i| i + 1)
}

fn is_coordinator(between: &str) -> bool {
    matches!(
        between,
        "and" | "," | ", and" | "or" | ", or" | "&" | "as well as" | "and both" | "both"
    )
}

/// Splits "from A to B" ranges that follow a verb of change into the two ends of the change.
fn split_changes(text: &str, qs: &[Quantity]) -> Vec<(Quantity, Role)> {
    let mut out = Vec::new();
    let mut to_index: Option<usize> = None;
    let mut from_index: Option<usize> = None;
    // Values joined to a bare earlier end: "from 10.4% and 10.0%".
    let mut from_run: Vec<usize> = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        if q.kind == Kind::Range
            && q.text.to_lowercase().starts_with("from ")
            && crate::quantity::change_verb_before(&text[..q.start])
        {
            if let Some((a, b)) = crate::quantity::range_ends(q) {
                out.push((a, Role::ChangeFrom));
                out.push((b, Role::ChangeTo));
                continue;
            }
        }
        // "from 2,400 in 2015 to … 3,417": the value after "from" and the first later one
        // with a "to" before it in the same clause.
        let before = text[..q.start].trim_end().to_lowercase();
        // "rates ranged from 2.4% in Massachusetts to 16.6% in Texas": a spread over rows,
        // each value its own, not a change.
        let spread = before
            .trim_end_matches("from")
            .split(|c: char| !c.is_alphabetic())
            .rev()
            .find(|w| !w.is_empty())
            .is_some_and(|w| {
                matches!(
                    w,
                    "range" | "ranged" | "ranges" | "ranging" | "varied" | "varies" | "varying"
                )
            });
        if before.ends_with("from") && is_value(q) && !spread {
            let end = qs[i + 1..].iter().position(|n| {
                let gap = text[q.end..n.start].to_lowercase();
                is_value(n)
                    && !gap.contains(['.', ';'])
                    && gap.split(|c: char| !c.is_alphanumeric()).any(|w| w == "to")
                    && text[..n.start]
                        .trim_end()
                        .to_lowercase()
                        .split_whitespace()
                        .rev()
                        .take(4)
                        .any(|w| w == "to")
            });
            if let Some(k) = end {
                out.push((q.clone(), Role::ChangeFrom));
                to_index = Some(i + 1 + k);
                continue;
            }
            // "84.0, up from 83.2", "slipped from 42.3%": the earlier end of a change, whose
            // later end was stated before it or not at all; values joined to it ("from 10.4%
            // and 10.0% respectively") are earlier ends too.
            if to_index != Some(i) && from_index != Some(i) {
                out.push((q.clone(), Role::ChangeFrom));
                let mut last = q.end;
                for (k, n) in qs.iter().enumerate().skip(i + 1) {
                    let gap = text[last..n.start].trim().to_lowercase();
                    if !is_value(n) || !matches!(gap.as_str(), "and" | "," | ", and" | "or") {
                        break;
                    }
                    last = n.end;
                    from_run.push(k);
                }
                continue;
            }
        }
        // "rebounded to 4.5 million from 3.3 million": the end first, then the start.
        if before.ends_with(" to") && is_value(q) && to_index != Some(i) {
            if let Some(next) = qs.get(i + 1) {
                let gap = text[q.end..next.start].trim().to_lowercase();
                if is_value(next) && gap == "from" {
                    out.push((q.clone(), Role::ChangeTo));
                    from_index = Some(i + 1);
                    continue;
                }
            }
        }
        let role = if to_index == Some(i) {
            Role::ChangeTo
        } else if from_index == Some(i) || from_run.contains(&i) {
            Role::ChangeFrom
        } else {
            Role::Value
        };
        out.push((q.clone(), role));
    }
    out
}

/// Words of a sentence with their byte offsets: letters, digits and the marks inside names
/// ("U.S", "Jordan's", "D.C").
fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inner = matches!(c, '.' | '\'' | '’' | '-')
            && start.is_some()
            && iter.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(Token {
                start: s,
                end: i,
                text: &text[s..i],
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: text.len(),
            text: &text[s..],
        });
    }
    out
}

/// Finds place names, longest first, from the tables and the gazetteer.
fn find_mentions(linker: &Linker<'_>, text: &str, tokens: &[Token<'_>]) -> Vec<Mention> {
    let gazetteer = Gazetteer::builtin();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut found = None;
        // Only tokens that begin some known name are tried, and only as far as the longest
        // name beginning with them.
        let Some(longest) = linker.name_start(tokens[i].text) else {
            i += 1;
            continue;
        };
        let max = longest.min(tokens.len() - i);
        for n in (1..=max).rev() {
            let start = tokens[i].start;
            let mut end = tokens[i + n - 1].end;
            let mut written = &text[start..end];
            // Possessives: "Jordan's", "Russia’s"
            for suffix in ["'s", "’s"] {
                if n >= 1 && written.ends_with(suffix) && written.len() > suffix.len() {
                    written = &written[..written.len() - suffix.len()];
                }
            }
            let with_dot = if text[end..].starts_with('.') {
                Some(&text[start..end + 1])
            } else {
                None
            };
            let mut hit = None;
            for w in with_dot.into_iter().chain(std::iter::once(written)) {
                // A table's own names match in any case: its author chose them.
                let table_hit = linker.table_names_for(w);
                let gaz = gazetteer.lookup(w);
                if table_hit.is_some() || gaz.is_some() {
                    if with_dot.is_some_and(|d| d == w) {
                        end += 1;
                    }
                    hit = Some((w.to_string(), table_hit, gaz));
                    break;
                }
            }
            if let Some((w, table_hit, gaz)) = hit {
                let from_table = table_hit.is_some();
                let mut entities = table_hit.unwrap_or_default();
                let mut demonym = false;
                let place_kind = gaz.map(|(p, _)| p.kind);
                if let Some((place, form)) = gaz {
                    demonym = form == crate::gazetteer::NameForm::Demonym;
                    // A gazetteer place is a table entity when the table knows it by any of
                    // the place's names.
                    for name in std::iter::once(place.name)
                        .chain(place.aliases.iter().copied())
                        .chain(place.iso3)
                        .chain(place.iso2)
                    {
                        if let Some(list) = linker.table_names_for(name) {
                            for e in list {
                                if !entities.contains(&e) {
                                    entities.push(e);
                                }
                            }
                        }
                    }
                }
                found = Some((
                    n,
                    Mention {
                        start,
                        end,
                        tok_start: i,
                        tok_end: i + n,
                        entities,
                        written: w,
                        demonym,
                        from_table,
                        place: place_kind,
                    },
                ));
                break;
            }
        }
        match found {
            Some((n, m)) => {
                out.push(m);
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Lowercase, single spaces, typographic apostrophes made plain, and no leading "the".
fn normalize(name: &str) -> String {
    let s: String = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
        .to_lowercase();
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

/// A light stem for matching metric terms: "fighters" ~ "fighter", "returned" ~ "return".
fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.len() >= 3 && !(suffix == "s" && s.ends_with('s')) {
                return s.to_string();
            }
        }
    }
    w
}
