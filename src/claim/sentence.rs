//! Reading one sentence: its words with their offsets, the place names the tables or the
//! gazetteer know in it, the metric terms it uses, and the small lookups every rule shares
//! (the token at an offset, the lowercase text just before or after a figure).

use super::{words, Linker, SentenceContext, WINDOW};
use crate::gazetteer::Gazetteer;
use crate::quantity::Quantity;

/// Where a name was matched in the plain text.
#[derive(Debug, Clone)]
pub(super) struct Mention {
    pub(super) start: usize,
    pub(super) end: usize,
    /// First and one-past-last token index.
    pub(super) tok_start: usize,
    pub(super) tok_end: usize,
    /// The table entity (table index, canonical name), or `None` for a place no table has.
    pub(super) entities: Vec<(usize, String)>,
    /// The name as the gazetteer knows it, for messages.
    pub(super) written: String,
    pub(super) demonym: bool,
    /// Matched by a table's own name or alias (not only through the gazetteer).
    pub(super) from_table: bool,
    /// What the gazetteer knows the place as, if it knows it.
    pub(super) place: Option<crate::gazetteer::PlaceKind>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: &'a str,
}

/// What a name found in a sentence is to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// What the sentence may be about.
    Subject,
    /// The set a superlative ranks within.
    Scope,
    /// A word of a longer name ("Northern" in "Great Northern").
    PartOfAName,
    /// The owner of a whole in a sentence whose subject is a pronoun: "It holds about a
    /// fifth of the world's prisoners" is not about the world.
    OwnerOfAWhole,
}

impl<'s> SentenceContext<'s> {
    pub(super) fn new(linker: &Linker<'_>, text: &'s str, offset: usize) -> SentenceContext<'s> {
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
        // A name inside a metric term is part of the term ("the Australian Open"); a name
        // that opens a longer proper name ("World Population Prospects", "EU Agency for
        // Asylum") is part of that name.
        let pronoun_subject = tokens.first().is_some_and(|t| {
            matches!(
                t.text.to_ascii_lowercase().as_str(),
                "it" | "they" | "he" | "she"
            )
        });
        let dateline = dateline_end(text);
        // A headline in title case ("Germany Tops the Asylum Table") capitalises every word,
        // so a capital after a name does not make the two one name there.
        let title_case = {
            let (long, capitals) =
                tokens
                    .iter()
                    .filter(|t| t.text.len() > 3)
                    .fold((0, 0), |(n, c), t| {
                        (
                            n + 1,
                            c + usize::from(t.text.starts_with(char::is_uppercase)),
                        )
                    });
            capitals * 5 >= long * 3
        };
        let classed: Vec<(Mention, Place)> = mentions
            .into_iter()
            // "WASHINGTON, Dec. 15 —": where the story was filed, not what it is about.
            .filter(|m| dateline.is_none_or(|end| m.end > end))
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
                let opens_a_name = m.tok_end > m.tok_start
                    && text[m.end..].starts_with(' ')
                    && tokens.get(m.tok_end).is_some_and(|t| {
                        // (An acronym is a noun the place qualifies: "Global LNG trade",
                        // "World GDP".)
                        let acronym = t.text.len() >= 2
                            && t.text
                                .chars()
                                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
                        t.start == m.end + 1
                            && t.text.starts_with(|c: char| c.is_uppercase())
                            && !acronym
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
                        // ("Nigeria's harvest" names no superlative.)
                        words::is_superlative(&w) || w.starts_with("most") || w == "leading"
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
                // "a total of 25", "the total number of podiums": the word "total" sums
                // what the sentence speaks of; it does not name a row called "Total".
                let sum_word = m.written.eq_ignore_ascii_case("total")
                    && tokens.get(m.tok_end).is_some_and(|t| {
                        matches!(t.text.to_ascii_lowercase().as_str(), "of" | "number")
                    });
                // "It holds about a fifth of the world's prisoners, although its total has
                // fallen": with a pronoun for subject, a name owning the noun of an "of"
                // phrase is what the subject is a part of.
                let owner_of_a_whole = pronoun_subject && {
                    let mut i = m.tok_start;
                    if i >= 1 && tokens[i - 1].text.eq_ignore_ascii_case("the") {
                        i -= 1;
                    }
                    let owned = text[m.end..].starts_with(['\'', '’'])
                        || text[..m.end].ends_with("'s")
                        || text[..m.end].ends_with("’s");
                    // What is owned is a noun ("the world's prisoners"), not a figure
                    // ("ahead of Schumacher's 91").
                    let noun_owned = text[m.end..]
                        .trim_start_matches(['\'', '’', 's'])
                        .trim_start()
                        .starts_with(|c: char| c.is_alphabetic());
                    i >= 1 && tokens[i - 1].text.eq_ignore_ascii_case("of") && owned && noun_owned
                };
                let place = if owner_of_a_whole {
                    Place::OwnerOfAWhole
                } else if scope_of_superlative || scope_after_superlative {
                    Place::Scope
                } else if (wide || !title_case) && opens_a_name || inside_a_name || sum_word {
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
            last_year: None,
            antecedent: None,
            article_places: Vec::new(),
        }
    }

    /// The metrics this sentence names, if any.
    pub(super) fn metric_names(&self) -> Option<Vec<(usize, String)>> {
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
    pub(super) fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.end <= offset)
    }

    /// `q` with its span moved from the sentence's offsets to the plain text's.
    pub(super) fn placed(&self, q: &Quantity) -> Quantity {
        Quantity {
            start: q.start + self.offset,
            end: q.end + self.offset,
            ..q.clone()
        }
    }

    /// Up to `WINDOW` bytes of the sentence before `at`, lowercase and trimmed: the words a
    /// rule looks back at. Bounded, so a sentence of a million numbers stays linear.
    pub(super) fn before(&self, at: usize) -> &str {
        self.before_from(at).1
    }

    /// `before(at)` with the byte offset where it starts.
    pub(super) fn before_from(&self, at: usize) -> (usize, &str) {
        let mut from = at.saturating_sub(WINDOW);
        while !self.lower.is_char_boundary(from) {
            from += 1;
        }
        (from, self.lower[from..at].trim_end())
    }

    /// Up to `WINDOW` bytes of the sentence after `at`, lowercase and trimmed.
    pub(super) fn after(&self, at: usize) -> &str {
        let mut to = (at + WINDOW).min(self.lower.len());
        while !self.lower.is_char_boundary(to) {
            to -= 1;
        }
        self.lower[at..to].trim_start()
    }

    /// Whether token `k` lies inside a name the tables know or a metric's term.
    /// Whether a clause break (a comma, a semicolon, a colon, a bracket, a full stop or a
    /// dash) stands between token `k` and the next one.
    pub(super) fn clause_break_after(&self, k: usize) -> bool {
        self.text[self.tokens[k].end..self.tokens[k + 1].start]
            .contains([',', ';', ':', '(', ')', '.', '—', '–'])
    }

    pub(super) fn is_named(&self, k: usize) -> bool {
        self.mentions
            .iter()
            .any(|m| m.tok_start <= k && k < m.tok_end)
            || self.in_term(k)
    }

    /// The first token of a name with its article: "the" before it belongs to it ("ahead of
    /// the Danube" is passed at "of").
    pub(super) fn with_article(&self, m: &Mention) -> usize {
        let k = m.tok_start;
        if k >= 1 && self.lower_token(k - 1) == "the" {
            k - 1
        } else {
            k
        }
    }

    /// Whether a name is written as a possessive: "Spain's", "the world’s".
    pub(super) fn is_possessive(&self, m: &Mention) -> bool {
        let after = &self.text[m.end.min(self.text.len())..];
        let written = &self.text[m.start..m.end];
        ["'s", "’s"]
            .iter()
            .any(|s| after.starts_with(s) || written.ends_with(s))
    }

    /// Whether token `k` is inside a metric's term.
    pub(super) fn in_term(&self, k: usize) -> bool {
        self.term_spans.iter().any(|(a, b)| *a <= k && k < *b)
    }

    pub(super) fn lower_token(&self, k: usize) -> String {
        self.tokens
            .get(k)
            .map(|t| t.text.to_lowercase())
            .unwrap_or_default()
    }
}

/// The end of a news dateline that opens `text` ("WASHINGTON, Dec. 15, 2023 —", "NEW DELHI
/// (Reuters) -"): a place in capitals, then a comma or a bracket, and a dash soon after.
fn dateline_end(text: &str) -> Option<usize> {
    let head_len = text
        .find(|c: char| !(c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '-' | '\'')))
        .unwrap_or(text.len());
    let head = text[..head_len].trim_end();
    if head.chars().filter(char::is_ascii_uppercase).count() < 3
        || !text[head.len()..].starts_with([',', ' '])
    {
        return None;
    }
    let window = &text[..text.len().min(80)];
    let window = &window[..(0..=window.len())
        .rev()
        .find(|&i| window.is_char_boundary(i))
        .unwrap_or(0)];
    ["\u{2014}", "\u{2013}", " -- ", " - "]
        .iter()
        .filter_map(|d| window.find(d))
        .min()
        .filter(|&at| at >= head.len())
}

/// Words of a sentence with their byte offsets: letters, digits and the marks inside names
/// ("U.S", "Jordan's", "D.C").
pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inner = matches!(c, '.' | '\'' | '’' | '-')
            && start.is_some()
            && iter.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        // "Disney+", "ESPN+", "Canal+": a plus that closes a word is part of its name.
        let plus = c == '+'
            && start.is_some_and(|s| text[s..].starts_with(char::is_alphabetic))
            && !iter.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner || plus {
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
                // A table's own word for the world ("global" for World) is the world too.
                let world_alias = || {
                    entities.iter().any(|(_, e)| {
                        gazetteer
                            .lookup(e)
                            .is_some_and(|(p, _)| p.kind == crate::gazetteer::PlaceKind::World)
                    })
                };
                let place_kind = gaz
                    .map(|(p, _)| p.kind)
                    .or_else(|| world_alias().then_some(crate::gazetteer::PlaceKind::World));
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
pub(super) fn normalize(name: &str) -> String {
    let s: String = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
        .to_lowercase();
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

/// A light stem for matching metric terms: "fighters" ~ "fighter", "returned" ~ "return".
pub(super) fn stem(word: &str) -> String {
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
