//! Numbers that state no value of a row: years, ranks, fractions, figures that count
//! something no metric names, and the parts and wholes of "250 of the 3,000 fighters".

use super::{types, words, SentenceContext};
use crate::quantity::{Kind, Quantity};

impl SentenceContext<'_> {
    /// "would push it past 7,000 km", "could reach 1,000", "is designed to handle 65
    /// million", "will grow to $588 billion": a hypothesis, a forecast or a design, not a
    /// measured value, whether a level or a change.
    pub(super) fn is_hypothesis(&self, at: usize) -> bool {
        let (from, before) = self.before_from(at);
        // (A point or comma inside a number, "2.2%" or "3,000", ends no clause.)
        let mut clause_start = last_clause_start(before);
        // "the USDA expects global trade of 218 million tonnes, with Russian exports of 48
        // million": a phrase that adds to the object after a comma belongs to its verb.
        let lead = before[clause_start..].trim_start().to_ascii_lowercase();
        if clause_start > 0
            && ["with ", "including ", "among them "]
                .iter()
                .any(|w| lead.starts_with(w))
            && before[..clause_start].ends_with(',')
        {
            clause_start = last_clause_start(&before[..clause_start - 1]);
        }
        // The words as written: "Will" that opens a sentence is a name.
        let written = &self.text[from + clause_start..from + before.len()];
        written.split(|c: char| !c.is_alphabetic()).any(|w| {
            w == "will"
                || matches!(
                    w.to_ascii_lowercase().as_str(),
                    "would"
                        | "could"
                        | "might"
                        | "if"
                        | "unless"
                        | "should"
                        | "designed"
                        | "expects"
                        | "expect"
                        | "forecasts"
                        | "predicts"
                        | "predict"
                        | "expected"
                        | "projected"
                        | "forecast"
                        | "predicted"
                        | "scheduled"
                        | "intended"
                        // Aims and pledges: "wants to lift its share back above 30%".
                        | "wants"
                        | "want"
                        | "wanted"
                        | "aims"
                        | "aim"
                        | "aimed"
                        | "plans"
                        | "planned"
                        | "hopes"
                        | "hoped"
                        | "seeks"
                        | "sought"
                        | "intends"
                        | "target"
                        | "targets"
                        | "pledged"
                        | "promised"
                        | "vowed"
                )
        })
    }

    /// The words after a figure, in its own clause, that say it is measured another way
    /// than a table of plain amounts measures it: "the biggest spender in cash terms",
    /// "grew 1.7% after inflation", "in real terms", "at constant prices", "per capita". A
    /// metric's own term ("per capita" of a per-capita metric) is no other way.
    pub(super) fn measured_otherwise(&self, end: usize) -> Option<String> {
        let rest = &self.lower[end.min(self.lower.len())..];
        let stop = rest
            .char_indices()
            .find(|&(i, c)| {
                matches!(c, ',' | ';' | ')' | '(' | ':' | '—' | '–')
                    || (c == '.' && !rest[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
            })
            .map_or(rest.len(), |(i, _)| i);
        let first = self.token_at(end);
        let last = self.token_at(end + stop);
        // (Words read from the lowercase text in place: this runs for every figure.)
        let word = |k: usize| {
            self.tokens
                .get(k)
                .map_or("", |t| self.lower.get(t.start..t.end).unwrap_or(""))
        };
        for k in first..last.min(self.tokens.len()) {
            let (w, next) = (word(k), word(k + 1));
            let found = match w {
                // "in cash terms", "in real terms", "in dollar terms", "in purchasing power
                // terms"
                "in" => (k + 2..(k + 5).min(last)).find(|&j| word(j) == "terms"),
                "after" | "for" if next == "inflation" => Some(k + 1),
                "inflation-adjusted" => Some(k),
                "at" if matches!(next, "constant" | "current") && word(k + 2) == "prices" => {
                    Some(k + 2)
                }
                "per" if matches!(next, "capita" | "person" | "head" | "inhabitant") => Some(k + 1),
                _ => None,
            };
            if let Some(j) = found {
                if (k..=j).any(|i| self.in_term(i)) {
                    continue;
                }
                let phrase = &self.text[self.tokens[k].start..self.tokens[j].end];
                return Some(format!(
                    "is measured \"{phrase}\", which the table does not say"
                ));
            }
        }
        None
    }

    /// "each tonne of cement releases roughly 0.6 tonnes of CO2": a figure whose clause
    /// speaks of one unit of something is a rate, not an amount of a row. Units of time are
    /// left out ("each year") since tables hold amounts per period.
    fn per_unit_subject(&self, at: usize) -> Option<String> {
        let before = &self.lower[..at.min(self.lower.len())];
        let bracket = before.rfind(['(', ')']).map_or(0, |i| i + 1);
        let clause_start = last_clause_start(before).max(bracket);
        let words: Vec<&str> = before[clause_start..]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        words.windows(2).find_map(|p| {
            if !matches!(p[0], "each" | "every" | "per") || p[1] == "cent" {
                return None;
            }
            let unit = crate::units::lexicon().resolve(p[1])?;
            (unit.dimension != crate::units::Dimension::Time).then(|| p[1].to_string())
        })
    }

    /// Why a quantity states no value of a table, if it does not: years, ranks and fractions
    /// are other kinds of claim; a number that counts something no metric names
    /// ("a dozen security forces", "three years") is not about the table.
    pub(super) fn not_a_table_value(&self, q: &Quantity) -> Option<String> {
        if let Some(reason) = self.not_asserted(q) {
            return Some(reason);
        }
        if self.is_hypothesis(q.start) {
            return Some("is a hypothesis, not a value".into());
        }
        if let Some(unit) = self.per_unit_subject(q.start) {
            return Some(format!("is an amount per {unit}, which no table holds"));
        }
        if q.unit.as_deref().is_none_or(|u| !u.contains('/')) {
            if let Some(why) = self.measured_otherwise(q.end) {
                return Some(why);
            }
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
        // "a six-day week", "a 40-hour week", "a 30-year low": a duration hyphenated to its
        // unit and set before a noun describes that noun; it is no amount of time measured.
        // (The unit is read with the figure, "six-day", or left after it, "40-hour".)
        let glued = q.text.contains('-') && q.dimension == Some(crate::units::Dimension::Time);
        let compound = if glued {
            let unit = q.text.rsplit('-').next().unwrap_or("").to_string();
            Some((unit, &self.text[q.end..]))
        } else {
            self.text[q.end..].strip_prefix('-').map(|rest| {
                let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
                let after = &rest[word.len()..];
                (word, after)
            })
        };
        if let Some((word, after)) = compound {
            let duration = crate::units::lexicon()
                .resolve(&word)
                .is_some_and(|u| u.dimension == crate::units::Dimension::Time);
            let noun = after.strip_prefix(' ').and_then(|r| {
                let next: String = r.chars().take_while(|c| c.is_alphabetic()).collect();
                (!next.is_empty()
                    && next.starts_with(|c: char| c.is_lowercase())
                    && !words::is_function_word(&next))
                .then_some(next)
            });
            let noun_tok = if glued { ti } else { ti + 2 };
            let noun_is_term = self.in_term(noun_tok);
            if let Some(noun) = noun.filter(|_| duration && !noun_is_term) {
                let written = if glued {
                    q.text.clone()
                } else {
                    format!("{}-{word}", q.text)
                };
                return Some(format!("describes the {noun} (\"{written} {noun}\")"));
            }
        }
        // "Rachin Ravindra, 23, outscored …": a small whole number set off by commas right
        // after the name of a person or an organisation (not a place) is an age.
        if let Some(age) = self.age_in_apposition(q) {
            return Some(format!("is an age ({age}) after a name, not a value"));
        }
        // "Britain's two laureates, Hassabis and Jumper": a count whose items are named right
        // after it counts that list, which the sentence itself shows.
        if let Some(n) = self.names_listed_after(q) {
            return Some(format!("counts the {n} names listed after it"));
        }
        // "finishing on 241 for four", "took seven for 57": a pair of bare counts joined by
        // "for" is a score (runs for wickets, wickets for runs), not one value.
        if self.in_score_pair(q) {
            return Some("is part of a score written \"N for M\"".into());
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
        // "when maurice williams (7) had the high assists": a figure in brackets belongs to
        // the words right before the bracket; when those are neither a name the tables know
        // nor a metric's term, it is no row's value.
        if self.text[..q.start].trim_end().ends_with('(') && qs > 0 {
            let k = qs - 1;
            let word = self.tokens[k].text;
            let known = self.mentions.iter().any(|m| m.tok_end == qs)
                || self.term_spans.iter().any(|(_, b)| *b == qs)
                || self.metric_terms.iter().any(|(i, _, _)| *i == k);
            if !known
                && word.chars().all(char::is_alphabetic)
                && !words::is_function_word(&word.to_lowercase())
            {
                return Some(format!(
                    "belongs to \"{word}\" before its bracket, which no table lists"
                ));
            }
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
        // "9.2 nurses per 1,000 people", "one death for every 100,000": the base of a rate.
        if prev_word == "per" || before.ends_with("for every") || before.ends_with("in every") {
            return Some("is the base of a rate, not a value".into());
        }
        // "adults aged 20 to 79", "children aged under five", "over the age of 65": an age
        // that bounds who is counted.
        if matches!(prev_word, "aged" | "ages") || before.ends_with(" age of") {
            return Some("is an age that bounds who is counted, not a value".into());
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
        // "the Syrian one edged down", "this one", "a bigger one": "one" standing for a noun
        // already said.
        let determiner = |w: &str| matches!(w, "the" | "a" | "an" | "this" | "that" | "another");
        let two_before: Vec<&str> = before_words.iter().rev().take(2).copied().collect();
        if q.text.eq_ignore_ascii_case("one")
            && (two_before
                .first()
                .is_some_and(|w| determiner(w) || *w == "each")
                || (two_before.get(1).is_some_and(|w| determiner(w))
                    && two_before.first().is_some_and(|w| {
                        w.chars().all(char::is_alphabetic) && !words::is_function_word(w)
                    })))
        {
            return Some("stands for a noun already said, not a count".into());
        }
        // "two more", "89 more residents", "three extra": an increment, not a level. (Not
        // past a comma: "stayed at 3.0, less than a quarter of …" compares the quarter.)
        if after_words.first().is_some_and(|w| words::is_increment(w))
            && !after.starts_with([',', ';'])
        {
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
        // "49% of young women", "a third of men": a share of a part of the population, which
        // a table of whole rows does not hold (unless its terms name the group).
        if let Some(group) = self.population_group_after(q) {
            return Some(format!(
                "states a share of {group}, a group the table does not list"
            ));
        }
        // "added two", "gained 3 seats": the size of a change.
        let prev_is_term = {
            let k = self.token_at(q.start);
            k > 0 && self.metric_terms.iter().any(|(i, _, _)| *i == k - 1)
        };
        if words::is_increment_verb(prev) && !prev_is_term {
            return Some("states the size of a change, not a value".into());
        }
        // ("a deficit of 4.4%" is a value where "deficit" is a metric's term.)
        let noun_is_term = {
            let k = self.token_at(q.start);
            k > 1 && self.metric_terms.iter().any(|(i, _, _)| *i == k - 2)
        };
        if !noun_is_term
            && words::DIFFERENCE_NOUNS.iter().any(|n| {
                before.ends_with(&format!("{n} of")) || before.ends_with(&format!("{n} by"))
            })
        {
            return Some("states a difference, not a value".into());
        }
        // "a gap that was only about 400,000", "the margin stood at 3": the figure is what a
        // noun of difference is, in its own clause.
        if let Some(noun) = self.difference_is(q) {
            return Some(format!("states a difference (the {noun}), not a value"));
        }
        // "some 178 million hectares have disappeared since then": a verb of loss or gain
        // after the figure's phrase makes it the size of a change (unless the verb is a
        // metric's term, which then names a metric of changes).
        {
            const AUX: [&str; 8] = ["have", "has", "had", "were", "was", "been", "are", "is"];
            let mut k = ti;
            // "178 million hectares of the world's forest have disappeared": past the "of"
            // phrase that qualifies the figure.
            if self.lower_token(k) == "of" {
                let stop = (k + 6).min(self.tokens.len());
                while k < stop && !AUX.contains(&self.lower_token(k).as_str()) {
                    k += 1;
                }
            }
            while AUX.contains(&self.lower_token(k).as_str()) {
                k += 1;
            }
            let verb = self.lower_token(k);
            let gap_ok = self.tokens.get(k).is_some_and(|t| {
                !self.text[q.end.min(t.start)..t.start].contains([',', ';', '.', '('])
            });
            if k > ti
                && gap_ok
                && matches!(
                    verb.as_str(),
                    "disappeared"
                        | "vanished"
                        | "lost"
                        | "destroyed"
                        | "cleared"
                        | "gone"
                        | "added"
                        | "created"
                        | "eliminated"
                )
                && !self.metric_terms.iter().any(|(i, _, _)| *i == k)
            {
                return Some("states the size of a change, not a level".into());
            }
        }
        // "a number other than 0", "every other country except one": what the value is not,
        // or a count of the exceptions.
        if [
            "other than",
            "except",
            "except for",
            "apart from",
            "besides",
            "excluding",
        ]
        .iter()
        .any(|p| before.ends_with(p))
        {
            return Some("states an exception, not a value".into());
        }
        // "more jerseys than the country with 6 different holders": a figure of the row
        // compared with, which the text describes but does not name.
        let unnamed_object = (qs.saturating_sub(6)..qs).any(|i| {
            self.lower_token(i) == "than"
                && matches!(self.lower_token(i + 1).as_str(), "the" | "a" | "an" | "any")
                && !self.mentions.iter().any(|m| m.tok_start == i + 2)
                && (i + 3..qs).any(|j| {
                    matches!(
                        self.lower_token(j).as_str(),
                        "with" | "having" | "has" | "had" | "of" | "at"
                    )
                })
                && !self.text[self.tokens[i].start..q.start].contains([',', ';'])
        });
        if unnamed_object {
            return Some(
                "is a figure of the row compared with, which the text does not name".into(),
            );
        }
        // "closing to within 1.1 million TEU of Shenzhen": the gap to another row.
        if prev == "within" && after_words.iter().take(3).any(|w| *w == "of") {
            return Some("states a difference, not a value".into());
        }
        // "a reported budget of nearly $300 million": the noun the figure is "of" heads its
        // phrase; when no metric's term is that noun, the figure measures what no table holds.
        if let Some(noun) = self.head_noun_of(q).filter(|_| !noun_is_term) {
            return Some(format!("is a {noun}, which no table measures"));
        }
        // "$35 billion in military aid", "including $25.4 billion from the United States": a
        // sum of money "in" a plain noun measures that noun, and so does a part of it.
        if q.kind == Kind::Money || q.dimension == Some(crate::units::Dimension::Currency) {
            let own = self.content_noun_after(ti);
            let of_whole = (prev == "including")
                .then(|| {
                    let k = self.token_at(q.start).checked_sub(1)?;
                    (k.saturating_sub(8)..k)
                        .rev()
                        .find(|&j| {
                            self.lower_token(j) == "in"
                                && j >= 1
                                && ends_a_sum(&self.lower_token(j - 1))
                        })
                        .and_then(|j| self.content_noun_after(j))
                })
                .flatten();
            if let Some(noun) = own.or(of_whole) {
                return Some(format!("is a sum of {noun}, which no table measures"));
            }
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
            // ("fewer than two points separated Imperial from Cambridge": the distance
            // between two rows.)
            let relative = matches!(
                w.as_str(),
                "behind" | "ahead" | "below" | "above" | "separated" | "separate" | "separates"
            ) || (w == "prior" && next == "to")
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
        // A product's name with its number ("Falcon 9") before the counted noun.
        let mut product: Option<String> = None;
        while let Some(t) = self.tokens.get(i) {
            if self
                .mentions
                .iter()
                .any(|m| m.tok_start <= i && i < m.tok_end)
            {
                i += 1;
                continue;
            }
            // "91 Falcon 9 flights", "two Ariane 5s": the number of a product's name.
            let named_with_number = t.text.starts_with(|c: char| c.is_uppercase())
                && self.tokens.get(i + 1).is_some_and(|n| {
                    n.text.starts_with(|c: char| c.is_ascii_digit())
                        && &self.text[t.end..n.start] == " "
                });
            if named_with_number {
                let n = self.tokens[i + 1];
                let name = self.text[t.start..n.end].to_string();
                // "two Ariane 5s": the plural of a product's name counts that product.
                if n.text.ends_with('s') && n.text.len() > 1 {
                    return Some(format!("counts {name}, a kind the table does not list"));
                }
                product = Some(name);
                i += 2;
                continue;
            }
            // "two House seats", "three Michelin stars": a capitalised word that qualifies
            // the lowercase noun after it.
            let qualifies_noun = || {
                self.tokens.get(i + 1).is_some_and(|n| {
                    &self.text[t.end..n.start] == " "
                        && n.text.chars().all(|c| c.is_ascii_lowercase())
                        && !words::is_function_word(&n.text.to_lowercase())
                })
            };
            if t.text.starts_with(|c: char| c.is_uppercase()) && (i > ti || qualifies_noun()) {
                i += 1;
                continue;
            }
            break;
        }
        // "thousands of hives", "dozens of ships": a vague count counts the noun after "of".
        let vague = matches!(
            q.text
                .to_lowercase()
                .trim_start_matches(|c: char| !c.is_alphabetic()),
            "thousands" | "hundreds" | "millions" | "billions" | "dozens" | "tens"
        );
        if vague && self.lower_token(i) == "of" {
            i += 1;
            if self.lower_token(i) == "the" {
                i += 1;
            }
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
        // "31.9 Mt last year": a measure's unit is what it counts (money and percentages
        // still count the noun after them), and "last", "this",
        // "next", "each" open a phrase of time or distribution.
        let measure = q.unit.is_some() && !matches!(q.kind, Kind::Money | Kind::Percent);
        if measure || matches!(lower.as_str(), "last" | "this" | "next" | "each") {
            return None;
        }
        if self.metric_terms.iter().any(|(k, _, _)| *k == i) {
            // "91 Falcon 9 flights" counts one kind of flight, which the table does not list.
            if let Some(name) = product {
                return Some(format!(
                    "counts {name} {lower}, a kind the table does not list"
                ));
            }
            // "linking 20 exporting countries": the term qualifies a noun for the kind of
            // thing the rows are, and the number counts rows, not a value of one.
            let head = self.tokens.get(i + 1).filter(|h| {
                &self.text[next.end.min(h.start)..h.start] == " " && !self.in_term(i + 1)
            });
            if let Some(h) = head {
                let noun = h.text.to_lowercase();
                let singular = noun
                    .strip_suffix("ies")
                    .map(|w| format!("{w}y"))
                    .or_else(|| noun.strip_suffix('s').map(str::to_string));
                // (Unless the metric is a count of those: "11 starting teams" of a
                // `teams_started` metric.)
                let metric_counts_them = singular.as_deref().is_some_and(|s| {
                    self.metric_terms
                        .iter()
                        .any(|(k, _, m)| *k == i && m.to_lowercase().contains(s))
                });
                if singular.is_some_and(|s| words::names_a_kind_of_row(&s))
                    && !words::counted_noun_is_generic(&noun)
                    && !metric_counts_them
                {
                    return Some(format!("counts {lower} {noun}, which no table measures"));
                }
            }
            return None;
        }
        // ("the 75 it had drawn": a pronoun opens a clause about the figure; it is no noun.)
        if words::counted_noun_is_generic(&lower)
            || words::is_function_word(&lower)
            || words::is_pronoun(&lower)
        {
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

    /// The noun `q` is "of" in "a reported budget of $300 million", "its capacity of 65
    /// million": a common noun after a determiner, which is no name, no change and no
    /// generic measure word ("a total of", "a record of", "a high of").
    fn head_noun_of(&self, q: &Quantity) -> Option<String> {
        let k = self.token_at(q.start);
        if k < 3 || self.lower_token(k - 1) != "of" {
            return None;
        }
        let noun = self.tokens[k - 2];
        let word = noun.text.to_lowercase();
        let plain = word.len() >= 4
            && noun.text.chars().all(|c| c.is_ascii_lowercase())
            && !word.ends_with("ly")
            && !self.is_named(k - 2);
        if !plain
            || words::is_function_word(&word)
            || words::counted_noun_is_generic(&word)
            || words::picks_from_a_set(&word)
            || words::is_measure_word(&word)
            || words::DIFFERENCE_NOUNS.contains(&word.as_str())
            || types::change_noun(&word).is_some()
        {
            return None;
        }
        // A determiner opens the noun's phrase within two words: "a reported budget of".
        let determined = (k.saturating_sub(4)..k - 2).any(|i| {
            let w = self.lower_token(i);
            matches!(
                w.as_str(),
                "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "this" | "that"
            ) || w.ends_with("'s")
                || w.ends_with("’s")
        });
        determined.then_some(word)
    }

    /// The size of the list in "two laureates, Hassabis and Jumper", "three members (Iran,
    /// Egypt and Ethiopia)", "four states: Texas, Ohio, Utah and Idaho": a small bare count, up
    /// to three plain words of noun, then a comma, colon or bracket and a list of exactly that
    /// many capitalised names closed by "and" or "or".
    fn names_listed_after(&self, q: &Quantity) -> Option<usize> {
        let n = bare_whole(q, 2.0..=12.0)?;
        let rest = &self.text[q.end..];
        let opener = rest.find([',', ':', '('])?;
        let noun: Vec<&str> = rest[..opener].split_whitespace().collect();
        let plain_noun = !noun.is_empty()
            && noun.len() <= 3
            && noun.iter().all(|w| {
                w.chars().all(|c| c.is_lowercase() || c == '-') && !words::is_function_word(w)
            });
        if !plain_noun {
            return None;
        }
        // Items: runs of capitalised words; a comma, "and" or "or" ends one. The list ends at
        // the first other word or mark, and must be closed by its conjunction.
        let mut items = 0;
        let mut in_item = false;
        let mut closed = false;
        for word in rest[opener + 1..].split_whitespace() {
            let core = word.trim_end_matches([',', '.', ';', ')', ':']);
            let mark = &word[core.len()..];
            if matches!(core, "and" | "or") && in_item && items >= 1 {
                in_item = false;
                closed = true;
                continue;
            }
            if !core.starts_with(|c: char| c.is_uppercase()) {
                break;
            }
            if !in_item {
                items += 1;
                in_item = true;
            }
            if mark == "," {
                if closed {
                    break;
                }
                in_item = false;
            } else if !mark.is_empty() {
                break;
            }
        }
        (closed && items >= 2 && items as f64 == n).then_some(items)
    }

    /// The noun of difference the figure is predicated of: "a gap that was only about
    /// 400,000", "the margin stood at 3", "the difference is 2.5 points". Only linking words
    /// stand between the noun and the figure, in one clause, and the noun is no metric's term.
    fn difference_is(&self, q: &Quantity) -> Option<String> {
        let k = self.token_at(q.start);
        self.difference_at(k).or_else(|| self.difference_from(k))
    }

    /// `difference_is` for the figure at token `k`.
    fn difference_at(&self, k: usize) -> Option<String> {
        let mut i = k;
        // A phrase of the noun may hold names: "Netflix's lead over Disney+ widened to".
        let mut names = 0;
        while i > 0 && k - i <= 5 + names {
            i -= 1;
            if self.clause_break_after(i) {
                return None;
            }
            let w = self.lower_token(i);
            // (Nouns of a change, "the increase was 5%", are read as changes elsewhere.)
            if matches!(
                w.as_str(),
                "gap" | "margin" | "lead" | "difference" | "majority" | "swing"
            ) {
                let determined = i >= 1
                    && (matches!(
                        self.lower_token(i - 1).as_str(),
                        "a" | "the" | "its" | "their" | "this" | "that"
                    ) || self.tokens[i - 1].text.ends_with("'s")
                        || self.tokens[i - 1].text.ends_with("’s"));
                return (determined && i + 1 < k && !self.in_term(i)).then_some(w);
            }
            let linking = matches!(
                w.as_str(),
                "that"
                    | "which"
                    | "was"
                    | "is"
                    | "were"
                    | "are"
                    | "had"
                    | "has"
                    | "have"
                    | "been"
                    | "only"
                    | "just"
                    | "still"
                    | "now"
                    | "then"
                    | "stood"
                    | "stands"
                    | "at"
                    | "to"
                    | "narrowed"
                    | "widened"
                    | "shrank"
                    | "grew"
            );
            // "over Disney+", "between the two", "on Spain": the rows the noun sets apart.
            if matches!(w.as_str(), "over" | "on" | "between" | "against" | "and")
                || self.is_named(i)
            {
                names += 1;
                continue;
            }
            if !linking {
                return None;
            }
        }
        None
    }

    /// "the gap widened to 111 million, from about 69 million": the start of a change of a
    /// difference is a difference too. `k` is the first token of the figure after "from".
    fn difference_from(&self, k: usize) -> Option<String> {
        if k < 2 || self.lower_token(k - 1) != "from" {
            return None;
        }
        // The figure the change went to: the one after the last "to" before "from", within
        // a few words.
        let to = (k.saturating_sub(8)..k - 1)
            .rev()
            .find(|&i| self.lower_token(i) == "to")?;
        self.difference_at(to + 1)
    }

    /// The age in "Rachin Ravindra, 23, outscored …": a whole number from 10 to 110 with no
    /// unit, between commas, right after a name that is no place.
    fn age_in_apposition(&self, q: &Quantity) -> Option<f64> {
        let v = bare_whole(q, 10.0..=110.0)?;
        let before = self.text[..q.start].trim_end().strip_suffix(',')?;
        if !self.text[q.end..].starts_with(',') {
            return None;
        }
        let name_end = before.trim_end().len();
        self.mentions
            .iter()
            .any(|m| m.end == name_end && m.place.is_none() && !m.entities.is_empty())
            .then_some(v)
    }

    /// Whether `q` is one side of "241 for four" or "seven for 57": two bare counts joined by
    /// "for".
    fn in_score_pair(&self, q: &Quantity) -> bool {
        if q.kind != Kind::Number || q.unit.is_some() || q.hedge.is_some() {
            return false;
        }
        let bare = |t: &str| {
            crate::extract(t)
                .first()
                .is_some_and(|n| n.kind == Kind::Number && n.text == t && n.unit.is_none())
        };
        let k = self.token_at(q.start);
        let after = self.lower_token(k + 1) == "for"
            && self.tokens.get(k + 2).is_some_and(|t| bare(t.text));
        let before = k >= 2 && self.lower_token(k - 1) == "for" && bare(self.tokens[k - 2].text);
        after || before
    }

    /// The plain noun phrase after "in" at token `k` ("in military aid", "in loans"): no
    /// determiner, no digits, no name and no metric's term, ended by punctuation or a function
    /// word. Words that say how a sum is counted ("in total", "in real terms") are no noun.
    fn content_noun_after(&self, k: usize) -> Option<String> {
        if self.lower_token(k) != "in" {
            return None;
        }
        let mut words = Vec::new();
        for i in k + 1..(k + 4).min(self.tokens.len()) {
            let gap = &self.text[self.tokens[i - 1].end..self.tokens[i].start];
            if i > k + 1 && gap.contains([',', ';', ':', '.', '(', ')']) {
                break;
            }
            let t = self.tokens[i];
            let w = t.text.to_lowercase();
            if words::is_function_word(&w) {
                break;
            }
            if self.is_named(i) || !t.text.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                return None;
            }
            words.push(w);
        }
        let counting = |w: &str| {
            matches!(
                w,
                "total"
                    | "all"
                    | "terms"
                    | "value"
                    | "money"
                    | "cash"
                    | "prices"
                    | "dollars"
                    | "euros"
                    | "pounds"
                    | "nominal"
                    | "real"
                    | "constant"
                    | "current"
                    | "today's"
                    | "sum"
                    | "one"
                    | "each"
                    | "addition"
                    | "return"
                    | "exchange"
                    | "part"
                    | "turn"
                    | "particular"
            )
        };
        if words.is_empty() || words.iter().any(|w| counting(w) || w.ends_with("ly")) {
            return None;
        }
        Some(words.join(" "))
    }

    /// Whether `q` is the part in "250 of the 3,000 fighters", "271 of 1,910", "50 out of 280".
    pub(super) fn is_part(&self, q: &Quantity, values: &[(usize, usize)]) -> bool {
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

    /// Whether `q` is the whole of a part before it ("411 of the 650 seats").
    pub(super) fn is_whole(&self, q: &Quantity, values: &[(usize, usize)]) -> bool {
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
    pub(super) fn part_has_own_metric(&self, q: &Quantity) -> bool {
        let after = self.token_at(q.end);
        let own: Vec<&String> = self
            .metric_terms
            .iter()
            .filter(|(k, _, _)| *k >= after && *k < after + 3)
            .map(|(_, _, m)| m)
            .collect();
        self.metric_terms.iter().any(|(_, _, m)| !own.contains(&m))
    }

    /// Whether a metric term names what `q` counts, right after it ("3,000 fighters").
    pub(super) fn has_head_noun(&self, q: &Quantity) -> bool {
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

    /// The group of people "N% of (young) women" speaks of, when no metric's term or row
    /// names it.
    fn population_group_after(&self, q: &Quantity) -> Option<String> {
        let k = self.token_at(q.end);
        if self.lower_token(k) != "of" {
            return None;
        }
        let mut i = k + 1;
        while matches!(
            self.lower_token(i).as_str(),
            "the" | "all" | "young" | "older" | "working-age" | "adult"
        ) {
            i += 1;
        }
        let word = self.lower_token(i);
        let group = matches!(
            word.as_str(),
            "women"
                | "men"
                | "girls"
                | "boys"
                | "children"
                | "adults"
                | "pensioners"
                | "teenagers"
                | "rest"
                | "remainder"
        );
        let named = self.metric_terms.iter().any(|(j, _, _)| *j == i)
            || self
                .mentions
                .iter()
                .any(|m| m.tok_start <= i && i < m.tok_end);
        (group && !named).then_some(word)
    }
}

/// A quantity with its sign turned: "fell by 31,000" is −31,000 against a signed change.
/// The value of a plain whole number in `range`: no unit, no hedge ("two", "23").
fn bare_whole(q: &Quantity, range: std::ops::RangeInclusive<f64>) -> Option<f64> {
    let v = q.value.filter(|v| v.fract() == 0.0 && range.contains(v))?;
    (q.kind == Kind::Number && q.unit.is_none() && q.hedge.is_none()).then_some(v)
}

pub(super) fn negated(q: &Quantity) -> Quantity {
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
pub(super) fn is_value(q: &Quantity) -> bool {
    matches!(
        q.kind,
        Kind::Number | Kind::Money | Kind::Percent | Kind::Range | Kind::PercentagePoints
    )
}

/// Whether a word can end a printed sum: its digits or a scale ("$35 billion", "€2bn").
fn ends_a_sum(word: &str) -> bool {
    word.ends_with(|c: char| c.is_ascii_digit())
        || crate::quantity::scale_word(word).is_some()
        || crate::quantity::scale_suffix(word, true).is_some()
}

/// Where the last clause of `text` starts: after its last semicolon, colon, or comma or point
/// that is not inside a number ("2.2%", "3,000").
fn last_clause_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, ';' | ':')
                || (matches!(c, ',' | '.')
                    && !text[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
        })
        .map_or(0, |(i, _)| i + 1)
}
