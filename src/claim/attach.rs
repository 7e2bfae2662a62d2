//! Which places a figure belongs to: the name its clause speaks of, a list of names that
//! shares its figures ("A and B had 250 and 271 respectively"), and the "from A to B" ranges
//! that are the two ends of a change.

use super::{is_value, words, Mention, Role, SentenceContext};
use crate::quantity::{Kind, Quantity};

impl SentenceContext<'_> {
    /// Mentions that a quantity speaks of.
    pub(super) fn entities_for(&self, q: &Quantity, values: &[(usize, usize)]) -> Vec<Mention> {
        // "Lithuania (57%)", "Macao: 552", "Hawaii – 3.5%": a number set right after a name
        // by a bracket, a colon or a dash is that name's alone, whatever list it stands in.
        let lead = self.text[..q.start].trim_end();
        let joined = lead
            .strip_suffix('(')
            .or_else(|| lead.strip_suffix(':'))
            .or_else(|| lead.strip_suffix('–'))
            .or_else(|| lead.strip_suffix('—'))
            // "California, at 6.5%", "Nevada at 5.4%", "Harvard on 96.8"
            .or_else(|| {
                lead.strip_suffix(" at")
                    .or_else(|| lead.strip_suffix(" on"))
                    .map(|b| b.trim_end().trim_end_matches(','))
            })
            .map(str::trim_end);
        if let Some(before) = joined {
            let m = self.mentions.iter().find(|m| m.end == before.len());
            // "Italy matched Japan at 1.20" speaks of Italy; "Japan (1.20)" of Japan; "just
            // behind UCL on 91.6" of UCL, a place beside the subject's with its own figure.
            let by_at = lead.ends_with(" at") || lead.ends_with(" on");
            let beside = |m: &Mention| {
                let k = self.with_article(m);
                k >= 1
                    && (self.lower_token(k - 1) == "behind"
                        || (k >= 2
                            && self.lower_token(k - 1) == "of"
                            && self.lower_token(k - 2) == "ahead"))
            };
            if let Some(m) = m.filter(|m| !(by_at && self.is_verb_object(m) && !beside(m))) {
                return vec![m.clone()];
            }
        }
        // "breast cancer had overtaken lung cancer, with 2.26 million cases against 2.21
        // million": a figure set against the one before it is the other side's, the row the
        // verb passed.
        let against = [
            "against",
            "versus",
            "vs",
            "vs.",
            "compared with",
            "compared to",
        ]
        .iter()
        .find_map(|w| {
            self.lower[..lead.len()]
                .strip_suffix(w)
                .map(|b| b.trim_end().len())
        });
        if let Some(end) = against {
            let after_figure = values
                .iter()
                .any(|(_, e)| *e <= end && self.text[*e..end].split_whitespace().count() <= 2);
            let passed = self
                .mentions
                .iter()
                .filter(|m| m.end <= q.start && !m.entities.is_empty())
                .rfind(|m| self.is_verb_object(m));
            if let Some(m) = passed.filter(|_| after_figure) {
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
            // Nothing past a comma or a bracket: "round 1, Chris Driedger was next" gives
            // the 1 to no one after it.
            // ("At 828 metres, the Burj …" opens with the figure and names its subject after
            // it; "five wins: Anquetil, Merckx …" lists them after a colon.)
            let gap_to = self.tokens[k].start;
            let gap_from = if k == after {
                q.end
            } else {
                self.tokens[k - 1].end.max(q.end)
            };
            let gap = self.text[gap_from.min(gap_to)..gap_to].trim();
            let opening = {
                let head: Vec<&str> = self.lower[..q.start].split_whitespace().collect();
                head.len() <= 2
                    && head
                        .first()
                        .is_some_and(|w| matches!(*w, "at" | "with" | "on" | "by" | "in"))
            };
            let carried = gap == ":" || (gap == "," && opening);
            if !carried && gap.contains([',', ';', ':', '.', '(', ')']) {
                break;
            }
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
                // "65.4% in Estonia": "in" right before a name ties the number to it (also
                // after a preposition's noun: "8.0 tonnes for each person in China").
                "in" if self
                    .mentions
                    .iter()
                    .any(|m| m.tok_start == k + 1 && !m.entities.is_empty()) =>
                {
                    preposition = true
                }
                "the" | "each" | "every" if preposition => {}
                // "for each person in China": a metric's term after the preposition.
                _ if preposition && self.term_spans.iter().any(|(a, b)| *a <= k && k < *b) => {}
                "came" | "come" | "comes" | "coming" | "hailed" | "hail" | "originated"
                    if !preposition => {}
                // "an 11.8% jump in India": the change the number heads is India's.
                _ if !preposition && k == after && super::types::change_noun(&word).is_some() => {}
                _ if is_metric && !preposition => {}
                // "24.1% for Chancellor Angela Merkel's CDU/CSU": titles and people's names
                // between the preposition and the row.
                _ if preposition && t.text.starts_with(|c: char| c.is_uppercase()) => {}
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
        // "a Van Gogh exhibition that alone attracted 793,000", "the world's sugar, whose
        // output rose to 183.5 million": a relative clause speaks of the noun phrase it
        // follows, a row's name in it or else a thing no row is.
        if let Some(antecedent) = self.relative_antecedent(before) {
            return antecedent
                .map(|m| self.coordinated_to(m))
                .unwrap_or_default();
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
                // With or without its comma: "citigroup who owns 1,264".
                let gap = self.lower[m.end..q.start]
                    .trim_start()
                    .trim_start_matches(',')
                    .trim_start();
                ["which ", "who ", "whose ", "where "]
                    .iter()
                    .any(|w| gap.starts_with(w))
            });
        if let Some(m) = relative {
            // "Qualcomm of the US, which was third with 3,410": the clause speaks of the head
            // of "X of Y".
            let head = (m.tok_start >= 2
                && matches!(
                    self.lower_token(m.tok_start - 1).as_str(),
                    "of" | "from" | "in"
                )
                || (m.tok_start >= 3
                    && self.lower_token(m.tok_start - 1) == "the"
                    && matches!(
                        self.lower_token(m.tok_start - 2).as_str(),
                        "of" | "from" | "in"
                    )))
            .then(|| {
                let prep = if self.lower_token(m.tok_start - 1) == "the" {
                    m.tok_start - 2
                } else {
                    m.tok_start - 1
                };
                self.mentions.iter().find(|o| o.tok_end == prep)
            })
            .flatten();
            return self.coordinated_to(head.unwrap_or(m));
        }
        let left = self
            .mentions
            .iter()
            .filter(|m| !(table_named && m.entities.is_empty()))
            .filter(|m| !ranked_object(m))
            .filter(|m| !self.is_passed(m, q.start))
            .filter(|m| !self.is_destination(m))
            .filter(|m| !self.in_closed_relative(m, q.start))
            .filter(|m| !(self.owns_the_whole_of_a_share(m) && self.mentions.len() > 1))
            .filter(|m| !self.qualifies_another_figure(m, q, values))
            .filter(|m| !self.possessor_in_object(m))
            .rfind(|m| m.tok_end <= before);
        match left {
            Some(m) if self.clause_has_own_name(m.end, q.start) => Vec::new(),
            Some(m) => self.coordinated_to(m),
            None => Vec::new(),
        }
    }

    /// The noun phrase a relative clause holding token `qs` (a figure or a verb) follows,
    /// when the clause is opened by "that", "which", "who" or "whose" right after a common
    /// noun with its determiner and runs to `qs` without a break: `Some(Ok(m))` when a row's
    /// name stands in that phrase ("the world's sugar, whose output …"), `Some(Err(noun))`
    /// with the noun's token when none does ("an exhibition that attracted …", a thing that
    /// is no row), `None` when no such clause holds `qs`. A "that" after a verb ("said that") opens no relative
    /// clause, and a name right before the pronoun is left to the rule for names ("France,
    /// which …").
    pub(super) fn relative_antecedent(&self, qs: usize) -> Option<Result<&Mention, usize>> {
        if qs >= self.tokens.len() {
            return None;
        }
        let mut k = qs;
        // Back to the pronoun, within the clause: no punctuation and no other figure between.
        let copula = |k: usize| {
            matches!(
                self.lower_token(k).as_str(),
                "is" | "was" | "are" | "were" | "be" | "been" | "became" | "becomes" | "remains"
            )
        };
        let pronoun = loop {
            if k == 0 || qs - k > 8 {
                return None;
            }
            let gap = &self.text[self.tokens[k - 1].end..self.tokens[k].start];
            if gap.contains([',', ';', ':', '.', '(', ')', '"', '\u{201c}', '\u{201d}']) {
                return None;
            }
            k -= 1;
            // "the games that included Townsville was always larger than 4,200": a copula
            // after the clause's own words takes the main clause back up.
            if copula(k) && k + 1 < qs {
                return None;
            }
            if matches!(
                self.lower_token(k).as_str(),
                "that" | "which" | "who" | "whose"
            ) {
                break k;
            }
        };
        if pronoun == 0 {
            return None;
        }
        // The noun right before it (a comma may stand between: "…sugar, whose …"), lowercase,
        // no verb, and a determiner or a possessive opening its phrase a few words back.
        let noun = pronoun - 1;
        let head = self.lower_token(noun);
        let head_text = self.tokens[noun].text;
        if !head_text.starts_with(|c: char| c.is_ascii_lowercase())
            || head.ends_with("ed")
            || words::is_function_word(&head)
            || words::is_pronoun(&head)
            || words::is_verb_of_movement(&head)
            || words::is_reporting_verb(&head)
        {
            return None;
        }
        // A noun that a metric or a row stands for ("the output that …", "the country
        // that …") leaves the figure to the other rules unless a name stands in its phrase.
        let generic = self.metric_terms.iter().any(|(i, _, _)| *i == noun)
            || words::stands_for_a_row(&head)
            || words::names_a_kind_of_row(&head)
            || words::counted_noun_is_generic(&head);
        let mut start = noun;
        while start > 0 && noun - start < 4 {
            let gap = &self.text[self.tokens[start - 1].end..self.tokens[start].start];
            if gap.contains([',', ';', ':', '.', '(', ')']) {
                return None;
            }
            start -= 1;
            let w = self.lower_token(start);
            let possessive = self.tokens[start].text.ends_with("'s")
                || self.tokens[start].text.ends_with("\u{2019}s");
            if matches!(w.as_str(), "a" | "an" | "the" | "this" | "its" | "their") || possessive {
                // "Nakano is the rider that has 28 laps", "Ramirez was the opponent in the
                // bout that ended in round 2": the phrase is what the subject is said to be,
                // and the figure is the subject's; the rules for names find it.
                let mut j = start;
                while j > 0 {
                    let gap = &self.text[self.tokens[j - 1].end..self.tokens[j].start];
                    if gap.contains([',', ';', ':', '.', '(', ')']) {
                        break;
                    }
                    j -= 1;
                    if copula(j) {
                        return None;
                    }
                }
                let m = self.mentions.iter().find(|m| {
                    // An owner ("the world's") may start before its possessive word.
                    let owner = possessive && (m.tok_end == start || m.tok_end == start + 1);
                    (owner || m.tok_start >= start)
                        && m.tok_end <= noun + 1
                        && !m.entities.is_empty()
                });
                // "China, the second-largest, whose outlay …": a phrase set after a name by a
                // comma stands for that name.
                let appositive = || {
                    let lead = self.text[..self.tokens[start].start].trim_end();
                    let before = lead.strip_suffix(',')?.trim_end();
                    self.mentions
                        .iter()
                        .find(|m| m.end == before.len() && !m.entities.is_empty())
                };
                return match m.or_else(appositive) {
                    Some(m) => Some(Ok(m)),
                    None if generic => None,
                    None => Some(Err(noun)),
                };
            }
        }
        None
    }

    /// Whether a name qualifies the noun of another figure earlier in its clause, and a verb
    /// stands between it and `q`: in "627 prizes in economic sciences have gone to 1,012
    /// laureates" the subject is the 627 prizes, and economic sciences only narrows them, so
    /// the 1,012 is not economic sciences' own. (The two ends of "from 300 in Chile to 400"
    /// stay Chile's: no verb stands between.)
    fn qualifies_another_figure(
        &self,
        m: &Mention,
        q: &Quantity,
        values: &[(usize, usize)],
    ) -> bool {
        let k = self.with_article(m);
        let after_preposition = k >= 1
            && matches!(
                self.lower_token(k - 1).as_str(),
                "in" | "of" | "from" | "for" | "among" | "across"
            );
        if !after_preposition || m.end > q.start {
            return false;
        }
        let breaks = [',', ';', ':', '(', ')', '.', '—', '–'];
        let heads = values.iter().any(|&(start, end)| {
            start != q.start
                && end <= m.start
                && self.token_at(m.start).saturating_sub(self.token_at(end)) <= 6
                && !self.text[end..m.start].contains(breaks)
        });
        // (A lowercase word that says something: capitalised words are names, and function
        // words join the two figures without a verb of their own.)
        let verb_between = self.text[m.end..q.start]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.starts_with(|c: char| c.is_lowercase()) && !words::is_function_word(w));
        heads && verb_between && !self.text[m.end..q.start].contains(breaks)
    }

    /// Whether a name is the world that owns the whole of a share: "India alone carried 26%
    /// of the global burden, with an estimated 2.8 million cases" gives the 2.8 million to
    /// India, not to the world.
    fn owns_the_whole_of_a_share(&self, m: &Mention) -> bool {
        if m.place != Some(crate::gazetteer::PlaceKind::World) {
            return false;
        }
        let i = self.with_article(m);
        if i == 0 || self.lower_token(i - 1) != "of" {
            return false;
        }
        let before = self.lower[..self.tokens[i - 1].start].trim_end();
        before.ends_with('%')
            || before.ends_with("percent")
            || before.ends_with("per cent")
            || before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| {
                    matches!(
                        w,
                        "half"
                            | "third"
                            | "thirds"
                            | "quarter"
                            | "quarters"
                            | "fifth"
                            | "fifths"
                            | "tenth"
                            | "tenths"
                            | "share"
                    )
                })
    }

    /// Whether a name stands inside a relative clause that closes before `at`: "The 3DS,
    /// which the Switch replaced, sold 75.94 million" speaks of the 3DS.
    pub(super) fn in_closed_relative(&self, m: &Mention, at: usize) -> bool {
        self.span_in_closed_relative(m.start, m.end, at)
    }

    /// Whether the bytes `start..end` stand inside a relative clause (", which …,") or an
    /// apposition after a name (", still home to …,") that closes before `at`.
    pub(super) fn span_in_closed_relative(&self, start: usize, end: usize, at: usize) -> bool {
        let opened = self.lower[..start].rfind(',').is_some_and(|c| {
            let lead = self.lower[c + 1..start].trim_start();
            // "California, still home to one in six Americans, lost 75,423": an apposition
            // after a name, opened by words of its own (not a list of names).
            let opening = &self.text[c + 1..start];
            let lead_at = c + 1 + (opening.len() - opening.trim_start().len());
            let apposition = self.mentions.iter().any(|n| n.end == c)
                && !self.mentions.iter().any(|n| n.start == lead_at)
                && opening
                    .trim_start()
                    .starts_with(|ch: char| ch.is_lowercase())
                && !["and ", "or "].iter().any(|w| lead.starts_with(w));
            apposition
                || ["which ", "who ", "whom ", "whose ", "where "]
                    .iter()
                    .any(|w| lead.starts_with(w))
        });
        opened && end <= at && self.text[end..at].contains(',')
    }

    /// Whether a name is the object of a verb of ranking or beating ("tops the EU table",
    /// "beat France") or of a comparison ("more than his great rival Prost").
    fn is_ranked_object(&self, m: &Mention) -> bool {
        let k = m.tok_start;
        // "five times as much sugar as Thailand": the second "as" of an equative compares.
        let a = self.with_article(m);
        let equative = a >= 2
            && self.lower_token(a - 1) == "as"
            && (a.saturating_sub(7)..a - 1).any(|i| self.lower_token(i) == "as");
        // "nearly twice China's output", "three times Xiaomi's": the name multiplied.
        let multiplied = a >= 1
            && matches!(
                self.lower_token(a - 1).as_str(),
                "twice" | "thrice" | "times"
            );
        self.is_verb_object(m)
            || equative
            || multiplied
            || (k.saturating_sub(4)..k).any(|i| self.lower_token(i) == "than")
    }

    /// Whether a name is where something goes ("sent 118 lawmakers to parliament", "came close
    /// to the bloc's average") while another name stands before it as the subject.
    fn is_destination(&self, m: &Mention) -> bool {
        let k = self.with_article(m);
        let to = k >= 1 && matches!(self.lower_token(k - 1).as_str(), "to" | "into" | "towards");
        to && self
            .mentions
            .iter()
            .any(|o| o.tok_end < k && !o.entities.is_empty())
    }

    /// Whether a name is the row passed in "moved ahead of Germany as its premiums rose to
    /// $99.8 billion", "in front of Spain", or one set apart ("outside India"): not the subject of a figure after it, unless a
    /// relative clause of its own holds the figure ("ahead of Russia, whose output rose").
    pub(super) fn is_passed(&self, m: &Mention, at: usize) -> bool {
        let k = self.with_article(m);
        let relative_after = self.lower[m.end.min(at)..at]
            .split(|c: char| !c.is_alphabetic())
            .any(|w| {
                matches!(
                    w,
                    "whose" | "which" | "who" | "where" | "with" | "at" | "on"
                )
            })
            || self.text[m.end.min(at)..at].contains(['(', ':']);
        let before = |i: usize| {
            k.checked_sub(i)
                .map(|j| self.lower_token(j))
                .unwrap_or_default()
        };
        let passed = before(1) == "of" && matches!(before(2).as_str(), "ahead" | "front");
        // "the worst outside India", "every region except Asia", "other than Kenya": a name
        // set apart from the subject.
        let excluded = matches!(
            before(1).as_str(),
            "outside" | "excluding" | "except" | "besides" | "beyond"
        ) || (before(1) == "than" && before(2) == "other")
            || (before(1) == "from" && before(2) == "apart");
        (passed || excluded) && !relative_after
    }

    /// "Leverkusen ended Bayern Munich's 11-year hold on the title, finishing with 90
    /// points": a name in the possessive right after a verb, with the verb's subject named
    /// before it in the clause, opens the verb's object; it is not what the clause is about.
    fn possessor_in_object(&self, m: &Mention) -> bool {
        let written = &self.text[m.start..m.end];
        let after = &self.text[m.end..];
        let possessive = written.ends_with("'s")
            || written.ends_with("’s")
            || after.starts_with("'s")
            || after.starts_with("’s");
        let k = self.with_article(m);
        if !possessive || k < 2 {
            return false;
        }
        let verb = self.tokens[k - 1].text;
        let lower = self.lower_token(k - 1);
        let verb_like = verb.chars().all(|c| c.is_ascii_lowercase())
            && !words::is_function_word(&lower)
            && !words::is_pronoun(&lower)
            && !matches!(
                lower.as_str(),
                "over"
                    | "under"
                    | "against"
                    | "behind"
                    | "ahead"
                    | "after"
                    | "before"
                    | "about"
                    | "above"
                    | "below"
                    | "into"
                    | "across"
                    | "through"
                    | "between"
                    | "among"
                    | "like"
                    | "per"
                    | "via"
                    | "despite"
                    | "without"
                    | "within"
                    | "beyond"
                    | "except"
                    | "including"
                    | "toward"
                    | "towards"
                    | "near"
            );
        verb_like
            && self.mentions.iter().any(|o| {
                o.tok_end < k
                    && !o.entities.is_empty()
                    && !self.text[o.end..self.tokens[k - 1].start]
                        .contains([',', ';', ':', '.', '(', ')'])
            })
    }

    /// Whether a name is the object of a verb of ranking or beating.
    pub(super) fn is_verb_object(&self, m: &Mention) -> bool {
        let k = self.with_article(m);
        // "to tie with China", "level with Spain": the row drawn with.
        let drawn_with = k >= 2
            && self.lower_token(k - 1) == "with"
            && matches!(
                self.lower_token(k - 2).as_str(),
                "tie" | "tied" | "ties" | "tying" | "level" | "drew" | "draw" | "even" | "equal"
            );
        drawn_with
            || k >= 1 && {
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
    pub(super) fn clause_has_own_name(&self, from: usize, to: usize) -> bool {
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
    pub(super) fn coordinated_to(&self, last: &Mention) -> Vec<Mention> {
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

    pub(super) fn coordinated_from(&self, first: &Mention) -> Vec<Mention> {
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
    pub(super) fn respectively(&self, values: &[(Quantity, Role)]) -> Option<Vec<Mention>> {
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
    pub(super) fn shared_by_several(
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

/// Whether lowercase `before` ends with "from", or with "from" and a few words that only
/// describe the figure after it: "from a record", "from a peak of", "from its 2022 high of".
fn ends_with_from(before: &str) -> bool {
    let mut rest = before.trim_end();
    for _ in 0..5 {
        if rest.ends_with("from") && !rest[..rest.len() - 4].ends_with(char::is_alphanumeric) {
            return true;
        }
        let cut = rest.rfind(' ').map_or(0, |i| i + 1);
        let word = &rest[cut..];
        let filler = matches!(
            word,
            "a" | "an"
                | "the"
                | "its"
                | "their"
                | "record"
                | "peak"
                | "high"
                | "low"
                | "of"
                | "revised"
                | "previous"
                | "all-time"
        );
        if !filler || cut == 0 {
            return false;
        }
        rest = rest[..cut].trim_end();
    }
    false
}

/// Splits "from A to B" ranges that follow a verb of change into the two ends of the change.
pub(super) fn split_changes(text: &str, qs: &[Quantity]) -> Vec<(Quantity, Role)> {
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
        if ends_with_from(&before) && is_value(q) && !spread {
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
                if is_value(next) && ends_with_from(&gap) && gap.starts_with("from") {
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
