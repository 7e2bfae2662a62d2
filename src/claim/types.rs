//! What a number states: a level, or a change of one. A change ("gained two seats", "fell by
//! 31,000", "a 4.1% decrease", "Ohio (+2)") is checked only against a metric whose values are
//! changes (`kind: change`), with the sign its words give; against a level it is unverified.

use super::{Direction, SentenceContext};
use crate::quantity::Quantity;

/// Verbs right before a number that make it the size of a change, with its direction.
pub(super) fn change_verb(word: &str) -> Option<Direction> {
    match word {
        "up" | "rose" | "risen" | "grew" | "grown" | "increased" | "jumped" | "climbed"
        | "soared" | "surged" | "gained" | "gains" | "gaining" | "added" | "adds" | "adding"
        | "picked" | "swelled" | "expanded" | "rebounded" | "advanced" => Some(Direction::Up),
        "down" | "fell" | "fallen" | "dropped" | "declined" | "decreased" | "shrank" | "shrunk"
        | "slid" | "plunged" | "plummeted" | "slipped" | "dipped" | "sank" | "tumbled"
        | "slumped" | "lost" | "loses" | "losing" | "shed" | "sheds" | "cut" | "cuts"
        | "trimmed" => Some(Direction::Down),
        _ => None,
    }
}

/// Nouns right after a number that make it the size of a change: "a 4.1% decrease".
pub(super) fn change_noun(word: &str) -> Option<Direction> {
    match word {
        "increase" | "rise" | "gain" | "jump" | "growth" | "hike" | "surge" | "uptick" => {
            Some(Direction::Up)
        }
        "decrease" | "decline" | "drop" | "fall" | "loss" | "cut" | "reduction" | "dip"
        | "slump" | "contraction" => Some(Direction::Down),
        _ => None,
    }
}

impl SentenceContext<'_> {
    /// The direction of the change a quantity states, when it states one rather than a level:
    /// a sign written on the number ("+2", "−4.1"), a change verb right before it ("gained
    /// two", "fell by 31,000", "up 12%"), or a change noun right after it ("a 4.1% decrease").
    pub(super) fn change_direction(&self, q: &Quantity) -> Option<Direction> {
        let text = q.text.trim_start_matches(['(', '[']);
        if let Some(rest) = text.strip_prefix('+') {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                return Some(Direction::Up);
            }
        }
        if let Some(rest) = text
            .strip_prefix('−')
            .or_else(|| text.strip_prefix('-'))
            .or_else(|| text.strip_prefix('–'))
        {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                return Some(Direction::Down);
            }
        }
        // A sign the grammar left before the number: "(+2)", "Ohio +3".
        let before = self.before(q.start);
        if let Some(c) = before.chars().next_back() {
            match c {
                '+' => return Some(Direction::Up),
                '−' => return Some(Direction::Down),
                _ => {}
            }
        }
        let words: Vec<&str> = before
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .rev()
            .take(3)
            .collect();
        // "…, and Latvia's by 1.4 years": "by" carries the change verb of the clause before.
        if words.first() == Some(&"by") {
            let elided = before
                .rsplit([';', ':'])
                .next()
                .unwrap_or("")
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .rev()
                .skip(1)
                .take(12)
                .find_map(change_verb);
            if let Some(d) = elided {
                return Some(d);
            }
        }
        self.direction_around(q.start, q.end)
            .or_else(|| self.restated_direction(q.start))
    }

    /// The direction the words around a figure at `start..end` give it: a change verb
    /// before it ("fell by 31,000", "up 12%") or a change noun after it ("a 4.1% decrease").
    fn direction_around(&self, start: usize, end: usize) -> Option<Direction> {
        let words: Vec<&str> = self
            .before(start)
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .rev()
            .take(3)
            .collect();
        let verb = match words.as_slice() {
            // "fell by 31,000", "rose sharply by 12 percent"; "lost by 4 points" is a margin,
            // read elsewhere.
            ["by", verb, ..] | ["by", _, verb, ..] if *verb != "lost" && *verb != "won" => {
                Some(*verb)
            }
            // "gained two", "up 12%", "picked up three".
            [verb, ..] => Some(*verb),
            [] => None,
        };
        if let Some(d) = verb.and_then(change_verb) {
            return Some(d);
        }
        let next = self
            .after(end)
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        change_noun(next)
    }

    /// "grew by 0.5%, or about 1.6 million people": a figure after ", or" says the figure
    /// before it again in other terms, so it states what that figure states. When the
    /// figure before is a change (a year such as "in 2023" between them is passed over),
    /// so is this one, in the same direction.
    fn restated_direction(&self, start: usize) -> Option<Direction> {
        let head = self.text[..start].trim_end().strip_suffix(", or")?;
        let bytes = head.as_bytes();
        let clause = head.rfind([';', ':', '(']).map_or(0, |i| i + 1);
        let mut end = head.len();
        // The figure before, or the one before a year that follows it.
        for _ in 0..2 {
            let last = head[clause..end].rfind(|c: char| c.is_ascii_digit())? + clause;
            let mut from = last;
            while from > clause {
                let c = bytes[from - 1];
                let joined =
                    (c == b'.' || c == b',') && from >= 2 && bytes[from - 2].is_ascii_digit();
                if c.is_ascii_digit() || joined {
                    from -= 1;
                } else {
                    break;
                }
            }
            let figure = &head[from..=last];
            let is_year = figure.len() == 4
                && figure
                    .parse::<u32>()
                    .is_ok_and(|y| (1800..=2100).contains(&y));
            if !is_year {
                return self.direction_around(from, last + 1);
            }
            end = from;
        }
        None
    }
}
