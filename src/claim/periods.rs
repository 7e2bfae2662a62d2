//! When a figure is of: the year the sentence attaches to it, a year in force from the text
//! before (the paragraph's, the section's, the article's), or the table's current period.

use super::{is_value, words, Found, SentenceContext, WINDOW};
use crate::quantity::{Kind, Quantity};
use crate::table::Table;
use crate::text::Document;

#[derive(Debug, Clone)]
pub(super) enum Period {
    Year(String),
    /// So many years before the table's current period.
    YearsAgo(i64),
    Current,
    /// The start of a change with no year: the row's period before the one in force.
    Earlier,
    /// So many years before the year the article is written in ("this year" 0, "last year"
    /// 1, "next year" -1), with the words.
    Deictic(i64, &'static str),
    /// A period named by pointing back at one given before ("that year", "in that record
    /// season", "the same year") with no year of its own sentence to point at, with the words.
    Referred(String),
}

impl SentenceContext<'_> {
    /// The period of a claim whose sentence states no year:
    /// - "now" when the sentence says so;
    /// - the table's only period, or the only period of the claim's row;
    /// - else the nearest year in force (the sentence's, the paragraph's, the section's, the
    ///   article's) that the row has;
    /// - else, when no year is in force, the present: the table's current period;
    /// - else the current period as a default, which may confirm but never refute.
    pub(super) fn current_period(
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
            .chain(self.years_from_before())
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
        // "2023-Q4", "Oct 2023", "2023/24": a current period within the year in force is the
        // present of that year.
        let within = |year: &str| within_year(&current, year);
        let year_meant = in_force
            .map(|(y, _)| y.to_string())
            .or_else(|| self.article_year.as_ref().map(|(y, _)| y.clone()))
            .or_else(|| self.years_in_force.first().map(|(y, _)| y.clone()));
        if let Some(year) = year_meant.filter(|y| within(y)) {
            let found = Found::inherited(format!(
                "{current}, the table's current period, within {year}"
            ));
            return Some((current, found));
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
            (None, Some((year, _))) => {
                let found = Found::defaulted(format!(
                    "{current}, the table's current period, though the article is of {year}"
                ));
                Some((current, found))
            }
        }
    }

    /// The years the text before the sentence has put in force, nearest first (the
    /// paragraph's, the section's, then the article's once said), with where each came from.
    pub(super) fn years_from_before(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.years_in_force
            .iter()
            .map(|(y, from)| (y.as_str(), *from))
            .chain(
                self.article_year
                    .as_ref()
                    .map(|(y, from)| (y.as_str(), *from)),
            )
    }

    /// A word by which the sentence speaks of the present: "now", "today", "currently".
    fn now_word(&self) -> Option<&'static str> {
        now_word(&self.lower)
    }

    /// A year right after a value: "2,400 in 2015", "320 by 2017".
    pub(super) fn attached_year(
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

    /// The period of a claim, as a year when the sentence gives one for it.
    pub(super) fn period_for(
        &self,
        q: &Quantity,
        years: &[&Quantity],
        values: &[(usize, usize)],
    ) -> Period {
        // "2,400 in 2015", "6,000 militants in December 2015", "3,244 as of 2017",
        // "320 by 2017": a year shortly after the value, introduced by a preposition.
        for y in years {
            if y.start >= q.end {
                // "58 per 1,000 people at risk in 2022": the denominator of a rate is part of
                // the figure's phrase, not another value between it and its year.
                let end = self.rate_denominator_end(q.end).min(y.start);
                let between = self.text[end..y.start].to_lowercase();
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
                    // "41 races before his death in 1994" reaches no further than before,
                    // though a short "added two more before retiring in 2024" holds up to
                    // that year; "2,333 tonnes after sanctions imposed in 2022" is later than
                    // the year it names, whatever the length.
                    && (ws.len() <= 4 || !ws.iter().any(|w| matches!(*w, "before" | "until")))
                    && !ws.contains(&"after");
                let no_value_between = !values.iter().any(|(s, _)| *s >= end && *s < y.start);
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
                // "its 2019 level of 213.3 million", "the 2023 minimum of 4.23 million": the
                // year of the noun the figure is "of" dates it, whatever came before.
                let noun_of: Vec<&str> = owned.split_whitespace().collect();
                let determiner = self
                    .before(y.start)
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(|w| matches!(w, "the" | "its" | "their" | "this" | "that"));
                if determiner
                    && matches!(noun_of.as_slice(), [noun, "of"] | [_, noun, "of"]
                        if noun.chars().all(|c| c.is_ascii_lowercase()))
                {
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
                if COMPARED_YEAR.iter().any(|c| before.ends_with(c)) {
                    continue;
                }
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
                let attributive_word = after_year.starts_with(|c: char| c.is_ascii_lowercase())
                    && matches!(prev, "the" | "its" | "their" | "a" | "this" | "that");
                let attributive =
                    attributive_word || before.ends_with("'s") || before.ends_with("’s");
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
                        // ("37,000 hectares, after a 2022 season in which …": a clause break
                        // between leaves the year to what follows it.)
                        let gap = self.text[*e..y.start].to_lowercase();
                        gap.split_whitespace().count() <= 3 && !gap.contains([',', ';'])
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
                    .any(|p| before.starts_with(p))
                    || ["over", "for", "throughout", "through", "across"]
                        .iter()
                        .any(|p| before.starts_with(p) && attributive_word);
                // "Over its 2022 season, France drew 80": an attributive year in the phrase
                // that opens the sentence dates the sentence, comma or not.
                let lead_ok = lead_ok || (attributive_word && opens_sentence && !now_between);
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
                // "France, whose traffic was held back for much of 2021, drew 100": a year
                // inside a relative clause or an appositive, closed before the figure, dates
                // that clause only.
                let parenthetical = {
                    let head = &self.lower[..y.start];
                    let opener = head.rfind(", ").map(|i| &head[i + 2..]).is_some_and(|c| {
                        let first = c.split_whitespace().next().unwrap_or("");
                        matches!(
                            first,
                            "whose" | "which" | "who" | "the" | "a" | "an" | "its" | "their"
                        )
                    });
                    opener && gap.contains(',')
                };
                let same_clause = same_clause && !parenthetical;
                // "had filed 50,345 applications in 2022 and South Korean ones 22,012": a figure
                // coordinated with one the year dates shares that year.
                // (Not when that figure is the start of a change: "down from $332 billion in
                // 2022 and nearly twice as much as China" speaks of the present.)
                let base_of_change = values.iter().any(|(s, e)| {
                    *e <= y.start
                        && self.lower[..*s].trim_end().ends_with("from")
                        && self.lower[*e..y.start].split_whitespace().count() <= 3
                });
                let coordinated = !base_of_change && {
                    let gap = self.lower[y.end..q.start].trim_start();
                    gap.starts_with("and ")
                        && !gap.contains([',', ';', ':'])
                        && gap.split_whitespace().count() <= 5
                };
                if lead_ok && taken && coordinated && !value_between {
                    return Period::Year(year_label(y));
                }
                if lead_ok && !taken && (opens_sentence || (!value_between && same_clause)) {
                    return Period::Year(year_label(y));
                }
                break;
            }
        }
        // "the 83.5 million it received before the pandemic", "pre-pandemic": an earlier
        // period the text does not date.
        if self.undated_earlier(q) || self.base_of_own_multiple(q) {
            return Period::Earlier;
        }
        // "in that record season it had shipped 31.8 million", "the same year": the last year
        // the sentence gave before the figure; else the one in force (resolved by the caller).
        if let Some(words) = self.referred_period(q, values) {
            return match years.iter().rev().find(|y| y.end <= q.start) {
                Some(y) => Period::Year(year_label(y)),
                None => Period::Referred(words),
            };
        }
        // "12.9% a year earlier", "the previous year": one year back.
        // ("which ranked ahead of it a year earlier with 16,025": the phrase may also stand
        // before the figure in its own clause.)
        let after = self.after(q.end);
        let year_back = [
            "a year earlier",
            "a year before",
            "the year before",
            "the previous year",
            "a year ago",
            "the prior year",
            "the preceding year",
            "a season earlier",
            "the season before",
            "the previous season",
            "the prior season",
            "the preceding season",
        ];
        // ("the 71 they had managed a year earlier": a short clause of the figure's own may
        // stand between, with no other figure and no break.)
        let after_own = {
            let end = after.find([',', ';', '.', '(', ')']).unwrap_or(after.len());
            let clause = &after[..end];
            year_back
                .iter()
                .filter_map(|p| clause.find(p))
                .min()
                .is_some_and(|at| {
                    let lead = &clause[..at];
                    lead.split_whitespace().count() <= 4
                        && !lead.contains(|c: char| c.is_ascii_digit())
                        && !lead.split_whitespace().any(|w| {
                            matches!(
                                w,
                                "than"
                                    | "from"
                                    | "since"
                                    | "on"
                                    | "after"
                                    | "before"
                                    | "over"
                                    | "compared"
                                    | "against"
                                    | "versus"
                                    | "vs"
                            )
                        })
                })
        };
        let clause =
            &self.lower[self.lower[..q.start].rfind([',', ';']).map_or(0, |i| i + 1)..q.start];
        let in_clause = year_back.iter().filter_map(|p| clause.rfind(p)).max();
        let clause_start = q.start - clause.len();
        let before_in_clause = in_clause.is_some_and(|at| {
            !values
                .iter()
                .any(|(s, _)| *s > clause_start + at && *s < q.start)
        });
        // "5.7% lower than a year earlier, when American applicants filed 59,056": a "when"
        // clause speaks of the time it follows.
        let head = self.lower[..clause_start].trim_end_matches([',', ' ']);
        let when_of = clause.trim_start().starts_with("when ")
            && year_back.iter().any(|p| head.ends_with(p))
            && !values
                .iter()
                .any(|(s, _)| *s > clause_start && *s < q.start);
        if after_own || before_in_clause || when_of {
            return Period::YearsAgo(1);
        }
        // "half of all new cars a decade ago": ten years back.
        // ("up 7.4% from a decade earlier" dates the start of the change, not the figure.)
        let decade = ["a decade ago", "a decade earlier", "a decade before"]
            .iter()
            .filter_map(|p| after.find(p))
            .min();
        let base_of_change = decade.is_some_and(|at| {
            let lead = after[..at].trim_end();
            ["from", "than", "on", "since"]
                .iter()
                .any(|w| lead.ends_with(w))
        });
        // ("Vietnam, which a decade ago produced less than 6 Mt": the phrase may also stand
        // before the figure in its own clause, with no other figure between.)
        let decade_before = ["a decade ago", "a decade earlier", "a decade before"]
            .iter()
            .filter_map(|p| clause.rfind(p))
            .max()
            .is_some_and(|at| {
                !values
                    .iter()
                    .any(|(s, _)| *s > clause_start + at && *s < q.start)
            });
        if (decade.is_some() && !base_of_change) || decade_before {
            return Period::YearsAgo(10);
        }
        if let Some((n, words)) = self.deictic_year(q.start, q.end) {
            return Period::Deictic(n, words);
        }
        // "expanding at 7.8% this year, a full 2.2 points ahead of China": a figure set in
        // apposition right after another shares that figure's period.
        if let Some(&(s, e)) = values.iter().rfind(|(_, e)| *e <= q.start) {
            let gap = &self.lower[e..q.start];
            let appositive = gap
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .all(|w| {
                    matches!(
                        w,
                        "a" | "an"
                            | "some"
                            | "about"
                            | "nearly"
                            | "almost"
                            | "just"
                            | "full"
                            | "this"
                            | "last"
                            | "next"
                            | "year"
                    )
                })
                && gap.matches(',').count() == 1;
            if appositive {
                let before = Quantity {
                    start: s,
                    end: e,
                    ..q.clone()
                };
                match self.period_for(&before, years, values) {
                    Period::Current => {}
                    p => return p,
                }
            }
        }
        // "two years ago", "3 years ago": counted back from the table's current period, for
        // a value of the same clause before it with no other value between ("had 34 seats two
        // years ago"; not "24 seats, ten fewer than two years ago", where it dates the base of
        // the difference).
        let lower = &self.lower;
        // ("the 64.5 million it recorded four years earlier" counts back the same way.)
        let ago = [" years ago", " year ago", " years earlier", " years before"]
            .iter()
            .filter_map(|p| lower.find(p))
            .min();
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

    /// "that year", "in that record season", "the same year" in the clause of `q` (before it
    /// with no other figure between, or in the few words after it): a period the text points
    /// back to. Returns the words.
    fn referred_period(&self, q: &Quantity, values: &[(usize, usize)]) -> Option<String> {
        let lower = &self.lower;
        let clause_start = lower[..q.start]
            .rfind([',', ';', '(', ':'])
            .map_or(0, |i| i + 1);
        let clause_end = lower[q.end..]
            .find([',', ';', '(', ')', ':', '.'])
            .map_or(lower.len(), |i| q.end + i);
        let found_before = self
            .referred_period_in(clause_start, q.start)
            .filter(|(at, _)| !values.iter().any(|(s, _)| *s > *at && *s < q.start));
        let found_after = self
            .referred_period_in(q.end, clause_end)
            .filter(|(at, _)| {
                lower[q.end..*at].split_whitespace().count() <= 5
                    && !values.iter().any(|(s, _)| *s >= q.end && *s < *at)
            });
        found_before.or(found_after).map(|(_, words)| words)
    }

    /// The first "that year", "that record season", "the same year" among the tokens within
    /// bytes `from..to`, with its byte offset and words: a demonstrative, at most one word,
    /// then a noun of a period.
    fn referred_period_in(&self, from: usize, to: usize) -> Option<(usize, String)> {
        let inside: Vec<usize> = (0..self.tokens.len())
            .filter(|&k| self.tokens[k].start >= from && self.tokens[k].end <= to)
            .collect();
        // ("that year's total": the possessive is the noun's.)
        let period_noun = |k: usize| {
            let w = self.lower_token(k);
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            matches!(w, "year" | "season" | "campaign" | "time")
        };
        inside.iter().enumerate().find_map(|(i, &k)| {
            let w = self.lower_token(k);
            let same = w == "same" && i > 0 && self.lower_token(inside[i - 1]) == "the";
            if w != "that" && !same {
                return None;
            }
            let noun =
                (1..=2).find_map(|n| inside.get(i + n).copied().filter(|&x| period_noun(x)))?;
            let start = self.tokens[if same { inside[i - 1] } else { k }].start;
            Some((start, self.lower[start..self.tokens[noun].end].to_string()))
        })
    }

    /// "3.2% this year", "last year, output fell 0.8%": a year counted from the present the
    /// article is written in, stated in the clause of the span `start..end` (right after it,
    /// or before it with no other figure between).
    pub(super) fn deictic_year(&self, start: usize, end: usize) -> Option<(i64, &'static str)> {
        const WORDS: [(&str, i64); 3] = [("this year", 0), ("last year", 1), ("next year", -1)];
        let after = &self.lower[end.min(self.lower.len())..];
        let clause = &after[..after.find([',', ';', '.', '(', ')']).unwrap_or(after.len())];
        let before = &self.lower[..start.min(self.lower.len())];
        let opening = &before[before.rfind([',', ';', '(', ')']).map_or(0, |i| i + 1)..];
        WORDS.iter().find_map(|(w, n)| {
            // Within the first five words after the span, with no figure before it.
            let after_it = clause.find(w).is_some_and(|at| {
                let lead = &clause[..at];
                lead.split_whitespace().count() <= 3 && !lead.contains(|c: char| c.is_ascii_digit())
            });
            let before_it = opening.rfind(w).is_some_and(|at| {
                !opening[at..].contains(|c: char| c.is_ascii_digit())
                    && !opening[..at].ends_with("of ")
            });
            (after_it || before_it).then_some((*n, *w))
        })
    }

    /// The end of "per 1,000" or "per 100,000" right after byte `at`, else `at`.
    fn rate_denominator_end(&self, at: usize) -> usize {
        let rest = &self.lower[at..];
        let trimmed = rest.trim_start();
        let Some(number) = trimmed.strip_prefix("per ") else {
            return at;
        };
        let digits = number
            .find(|c: char| !(c.is_ascii_digit() || c == ','))
            .unwrap_or(number.len());
        if digits == 0 || number[..digits].ends_with(',') {
            return at;
        }
        at + (rest.len() - number.len()) + digits
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
    /// "64 medals, nearly twice its Tokyo total of 33", "more than double its tally of six":
    /// the base a row's own figure is multiplied from is that row at another time, the one
    /// before (a row is never twice itself at one time).
    fn base_of_own_multiple(&self, q: &Quantity) -> bool {
        let head = self.lower[..q.start].trim_end();
        let Some(head) = head.strip_suffix(" of") else {
            return false;
        };
        let words: Vec<&str> = head
            .rsplit(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(5)
            .collect();
        // words run backwards from the noun before "of": "total tokyo its twice nearly".
        words
            .iter()
            .position(|w| matches!(*w, "its" | "their"))
            .is_some_and(|i| {
                words.get(i + 1).is_some_and(|w| {
                    matches!(
                        *w,
                        "twice" | "double" | "triple" | "treble" | "times" | "half" | "thrice"
                    )
                })
            })
    }

    fn undated_earlier(&self, q: &Quantity) -> bool {
        let after = &self.lower[q.end..];
        let clause = &after[..after.find([',', ';', '.', '(']).unwrap_or(after.len())];
        let words: Vec<&str> = clause.split_whitespace().take(8).collect();
        let marks = |ws: &[&str]| {
            ws.windows(2)
                .any(|p| matches!(p[0], "before" | "prior") && matches!(p[1], "the" | "to"))
                // "three months earlier", "a quarter ago", "weeks before": a step back
                // shorter than the table's years.
                || ws.windows(2).any(|p| {
                    matches!(
                        p[0],
                        "months" | "month" | "weeks" | "week" | "days" | "quarter" | "quarters"
                    ) && matches!(p[1], "earlier" | "ago" | "before" | "previously")
                })
                || ws
                    .iter()
                    .any(|w| w.starts_with("pre-") || *w == "previously" || *w == "formerly")
        };
        if marks(&words) {
            return true;
        }
        // "Before the pandemic, France had 89.4 million": the opening phrase, closed by a
        // comma before the figure.
        let head = self.lower.trim_start();
        (head.starts_with("before the ") || head.starts_with("prior to the "))
            && self.lower[..q.start].contains(',')
    }

    /// The year of "since 2015" in the sentence, if any.
    pub(super) fn since_year(&self, years: &[&Quantity]) -> Option<String> {
        years.iter().find_map(|y| {
            let before = self.text[..y.start].trim_end();
            let word = before.rsplit(|c: char| !c.is_alphabetic()).next()?;
            word.eq_ignore_ascii_case("since").then(|| year_label(y))
        })
    }
}

/// A year as the tables write it: "2015", or a season as printed ("2019/20", "2011-12").
pub(super) fn year_label(y: &Quantity) -> String {
    // "the 1990s" is a decade, no year of it: a table holds it only as "1990s".
    if y.text.trim().ends_with('s') {
        return y.text.trim().to_string();
    }
    y.value
        .map_or_else(|| y.text.trim().to_string(), |v| format!("{}", v as i64))
}

/// For each sentence, the years it sets in force for the sentences after it, each with
/// whether a preposition introduces it (and so dates the sentence's own clauses too): a year
/// introduced as the time of the figures ("in 2015", "as of 2017", "by the end of 2019",
/// "during 2020"), not a start or a bound ("since 2015", "from 2015", "until 2019").
pub(super) fn years_in_force(
    doc: &Document<'_>,
    quantities: &[Quantity],
) -> Vec<Vec<(String, bool, usize)>> {
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
        // ("a third of its 2022 total", "below its 2019 peak": a year that dates a figure
        // the sentence measures against dates that figure alone.)
        let next_word: String = after
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        // Only inside a phrase that measures against it ("of", "below", "above"): "The
        // 2023 peak was …" opening a sentence is what the sentence speaks of.
        let word_before_determiner = before[..before.len() - prev.len()]
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let dates_a_base = (words::refers_back(&next_word)
            || matches!(
                next_word.as_str(),
                "total" | "totals" | "peak" | "high" | "low" | "record" | "average" | "mark"
            ))
            && matches!(
                word_before_determiner.as_str(),
                "of" | "below" | "above" | "under" | "over" | "beyond" | "to" | "with" | "on"
            );
        let attributive = matches!(prev.as_str(), "the" | "its" | "their" | "this" | "that")
            && after.starts_with(|c: char| c.is_alphabetic())
            && !dates_a_base;
        let lead = matches!(prev.as_str(), "in" | "during" | "of" | "by");
        if alone || lead || attributive {
            let lower = before.to_ascii_lowercase();
            // "since 2015", "until the end of 2019", and the start of a change ("from 365
            // seats in 2019 to 121") set no year for what follows.
            let bound = [
                "since", "from", "until", "till", "before", "after", "between",
            ]
            .iter()
            .any(|b| lower.ends_with(&format!("{b} the end of")) || prev == *b)
                // "two and a half times as many passengers as in 2022": the year compared
                // with.
                || COMPARED_YEAR.iter().any(|c| lower.ends_with(c));
            // The clause up to the year ("2,500" keeps its comma: a clause break is a
            // comma followed by a space).
            let clause_start = [", ", "; ", ": ", "(", ")", " - ", " – ", " — "]
                .iter()
                .filter_map(|b| lower.rfind(b).map(|i| i + b.len()))
                .max()
                .unwrap_or(0);
            // ("… halved after three plants closed at the end of 2021": a clause opened by
            // "after" or "since" dates its event, however many words it has.)
            let change_start = lower[clause_start..]
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .rev()
                .take(10)
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
            // "the 17 it took in 2021", "6,000 militants in December 2015", "having finished
            // fifth in 2022-23": a year right after a figure or a place dates that one, not the
            // sentences after it.
            let dates_a_figure = quantities
                .iter()
                .filter(|v| v.kind != Kind::Year && (is_value(v) || v.kind == Kind::Ordinal))
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

/// A word by which a text speaks of the present: "now", "today", "currently".
pub(super) fn now_word(text: &str) -> Option<&'static str> {
    const NOW: [&str; 5] = ["now", "today", "currently", "presently", "nowadays"];
    text.split(|c: char| !c.is_ascii_alphabetic())
        .find_map(|w| NOW.iter().find(|n| w.eq_ignore_ascii_case(n)).copied())
}

/// The year most of an article's dated figures are of, with the sentence that first names it:
/// the one most sentences set in force, when one is strictly the most frequent and at least
/// two sentences set it, else the year of its headline or lede. A year named once further down
/// dates its own paragraph only. A headline or lede sentence that speaks of the present
/// ("are now held …, up from 10.35 million in the edition published in 2018") names its
/// years for something else; `present[i]` says whether sentence `i` does.
pub(super) fn article_year(
    years: &[Vec<(String, bool, usize)>],
    present: &[bool],
) -> Option<(String, usize, &'static str)> {
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
            return Some((year.to_string(), first, MOST_NAMED_YEAR));
        }
    }
    // Else the year of the headline or the lede, the first sentences of the article.
    years
        .iter()
        .take(LEDE_SENTENCES)
        .enumerate()
        .filter(|(i, _)| !present.get(*i).copied().unwrap_or(false))
        .find_map(|(i, ys)| ys.first().map(|(y, _, _)| (y.clone(), i, OPENING_YEAR)))
}

/// How a period is described when it is the year an article names most: a reading the
/// sentence itself does not give, so the table's current period stays another reading.
pub(super) const MOST_NAMED_YEAR: &str = "the year the article names most";

/// How a period is described when it is the year of an article's headline or lede.
pub(super) const OPENING_YEAR: &str = "the year of the article's opening";

/// The descriptions of a year read from the article as a whole, not from the sentence.
pub const ARTICLE_YEARS: [&str; 2] = [MOST_NAMED_YEAR, OPENING_YEAR];

/// Words that end right before a year compared with, not one in force: "two and a half
/// times as many passengers as in 2022".
const COMPARED_YEAR: [&str; 4] = [
    " as in",
    " as it did in",
    " as they did in",
    " as it was in",
];

/// The first and last year of a season label: "2019/20", "2019-20", "2019–2020" →
/// (2019, 2020). `None` for anything else.
pub(super) fn season_years(label: &str) -> Option<(i64, i64)> {
    let (a, b) = label.split_once(['/', '-', '–'])?;
    let first: i64 = a.trim().parse().ok().filter(|_| a.trim().len() == 4)?;
    let b = b.trim();
    let second: i64 = b.parse().ok()?;
    let last = match b.len() {
        2 => first - first % 100 + second + if second < first % 100 { 100 } else { 0 },
        4 => second,
        _ => return None,
    };
    (last == first + 1).then_some((first, last))
}

/// A period label `n` years before `label`, written the same way: 2024 → 2023, "2023/24" →
/// "2022/23".
pub(super) fn years_before(label: &str, n: i64) -> Option<String> {
    if let Ok(year) = label.parse::<i64>() {
        return Some((year - n).to_string());
    }
    let (first, _) = season_years(label)?;
    let sep = label.chars().find(|c| matches!(c, '/' | '-' | '–'))?;
    let tail = label.rsplit(['/', '-', '–']).next()?.trim().len();
    let start = first - n;
    Some(if tail == 2 {
        format!("{start}{sep}{:02}", (start + 1) % 100)
    } else {
        format!("{start}{sep}{}", start + 1)
    })
}

/// How many sentences from the top of an article make its headline and lede.
const LEDE_SENTENCES: usize = 3;

/// Whether a period label lies within a year without being it: "2023-Q4", "Oct 2023" and
/// "2023/24" lie within 2023.
pub(super) fn within_year(period: &str, year: &str) -> bool {
    period != year
        && period
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|part| part == year)
}

#[cfg(test)]
mod tests {
    use super::{season_years, years_before};

    #[test]
    fn seasons_count_back_in_their_own_spelling() {
        assert_eq!(season_years("2019/20"), Some((2019, 2020)));
        assert_eq!(season_years("1999-00"), Some((1999, 2000)));
        assert_eq!(season_years("2019–2020"), Some((2019, 2020)));
        assert_eq!(season_years("2019-21"), None);
        assert_eq!(season_years("2019"), None);
        assert_eq!(years_before("2023/24", 1).as_deref(), Some("2022/23"));
        assert_eq!(years_before("2000-01", 1).as_deref(), Some("1999-00"));
        assert_eq!(years_before("2024", 2).as_deref(), Some("2022"));
    }
}
