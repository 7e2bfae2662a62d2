//! Units of measure: the lexicon of units claimcheck reads in prose and accepts in tables, and
//! conversion between units of one dimension.
//!
//! The lexicon is data (`lexicon.tsv`, compiled in and read once). Every unit has a code (the
//! normalised form printed in output), a dimension, a base unit and the factor to it, and the
//! ways prose writes it: symbols ("km"), symbols that only count when glued to the number
//! ("5m", "85p"), and spelled names ("kilometres"). Both the grammar and the table loader use
//! it, so a unit means the same thing from the article to the table.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

/// What a unit measures. Quantities convert only within one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Length,
    Area,
    Mass,
    Volume,
    Time,
    Speed,
    Data,
    DataRate,
    Frequency,
    Power,
    Energy,
    Charge,
    Voltage,
    Temperature,
    Currency,
    Percent,
    /// One unit per another ("$5 a gallon", "3 million barrels a day").
    Rate,
}

impl Dimension {
    /// The name as written in the lexicon and in output ("data-rate").
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Length => "length",
            Dimension::Area => "area",
            Dimension::Mass => "mass",
            Dimension::Volume => "volume",
            Dimension::Time => "time",
            Dimension::Speed => "speed",
            Dimension::Data => "data",
            Dimension::DataRate => "data-rate",
            Dimension::Frequency => "frequency",
            Dimension::Power => "power",
            Dimension::Energy => "energy",
            Dimension::Charge => "charge",
            Dimension::Voltage => "voltage",
            Dimension::Temperature => "temperature",
            Dimension::Currency => "currency",
            Dimension::Percent => "percent",
            Dimension::Rate => "rate",
        }
    }

    fn parse(name: &str) -> Option<Dimension> {
        ALL_DIMENSIONS.iter().copied().find(|d| d.name() == name)
    }
}

const ALL_DIMENSIONS: &[Dimension] = &[
    Dimension::Length,
    Dimension::Area,
    Dimension::Mass,
    Dimension::Volume,
    Dimension::Time,
    Dimension::Speed,
    Dimension::Data,
    Dimension::DataRate,
    Dimension::Frequency,
    Dimension::Power,
    Dimension::Energy,
    Dimension::Charge,
    Dimension::Voltage,
    Dimension::Temperature,
    Dimension::Currency,
    Dimension::Percent,
    Dimension::Rate,
];

/// One unit of the lexicon.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The normalised code: `km`, `mph`, `GB`, `USD`, `%`.
    pub code: &'static str,
    pub dimension: Dimension,
    /// The unit that values convert through; units with different bases never convert (a
    /// dollar is no euro, a percentage point no percent).
    pub base: &'static str,
    /// Base units per unit, applied after `offset`.
    pub factor: f64,
    pub offset: f64,
    /// Symbols written spaced, glued or hyphenated after a number; case-sensitive.
    pub symbols: Vec<&'static str>,
    /// Symbols read only when glued to the number.
    pub glued: Vec<&'static str>,
    /// Spelled names, singular and plural, as written in the lexicon.
    pub names: Vec<&'static str>,
}

impl Unit {
    /// The value in base units.
    pub fn to_base(&self, value: f64) -> f64 {
        (value + self.offset) * self.factor
    }

    /// The value in this unit of a value in base units.
    pub fn from_base(&self, value: f64) -> f64 {
        value / self.factor - self.offset
    }
}

/// How a unit is joined to the number before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// "12km"
    Glued,
    /// "12-km", "three-year"
    Hyphen,
    /// "12 km", "12 kilometres"
    Spaced,
}

/// The lexicon, with its lookups.
#[derive(Debug)]
pub struct Lexicon {
    units: Vec<Unit>,
    by_code: HashMap<&'static str, usize>,
    /// Symbols that may be spaced, glued or hyphenated.
    by_symbol: HashMap<&'static str, usize>,
    /// Symbols that count only glued.
    by_glued: HashMap<&'static str, usize>,
    /// Names, lowercased, words joined by one space ("kilowatt hour").
    by_name: HashMap<String, usize>,
    /// The most words a name has.
    longest_name: usize,
    /// The first word of every name, lowercased: most words after a number start none, and
    /// `read` answers those without building a key.
    name_starts: std::collections::HashSet<String>,
}

/// The lexicon, read once from `lexicon.tsv`.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(include_str!("lexicon.tsv")))
}

impl Lexicon {
    /// Reads the lexicon's text. The text is compiled in and tested, so a malformed line is a
    /// bug in the build: it is skipped here rather than failing at run time, and the tests
    /// catch it (`every_line_is_read`).
    fn parse(text: &'static str) -> Lexicon {
        let mut lex = Lexicon {
            units: Vec::new(),
            by_code: HashMap::new(),
            by_symbol: HashMap::new(),
            by_glued: HashMap::new(),
            by_name: HashMap::new(),
            longest_name: 1,
            name_starts: std::collections::HashSet::new(),
        };
        for line in text.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some(unit) = parse_line(line) else {
                continue;
            };
            let i = lex.units.len();
            lex.by_code.insert(unit.code, i);
            for s in &unit.symbols {
                lex.by_symbol.entry(s).or_insert(i);
            }
            for s in &unit.glued {
                lex.by_glued.entry(s).or_insert(i);
            }
            for n in &unit.names {
                let key = name_key(n);
                lex.longest_name = lex.longest_name.max(key.split(' ').count());
                if let Some(first) = key.split(' ').next() {
                    lex.name_starts.insert(first.to_string());
                }
                lex.by_name.entry(key).or_insert(i);
            }
            lex.units.push(unit);
        }
        lex
    }

    /// Every unit, in lexicon order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The unit with exactly this code.
    pub fn get(&self, code: &str) -> Option<&Unit> {
        self.by_code.get(code).map(|&i| &self.units[i])
    }

    /// The unit a table's `unit:` names: a code, a symbol or a name, in any case when that is
    /// unambiguous ("km", "KM", "kilometres", "USD", "US dollars", "percent", "°C").
    pub fn resolve(&self, written: &str) -> Option<&Unit> {
        let w = written.trim();
        if let Some(&i) = self
            .by_code
            .get(w)
            .or_else(|| self.by_symbol.get(w))
            .or_else(|| self.by_glued.get(w))
        {
            return Some(&self.units[i]);
        }
        if let Some(&i) = self.by_name.get(&name_key(w)) {
            return Some(&self.units[i]);
        }
        // Case-insensitive codes and symbols, when only one unit answers ("KM", "kwh").
        let lower = w.to_lowercase();
        let mut found = self.units.iter().filter(|u| {
            u.code.to_lowercase() == lower
                || u.symbols.iter().any(|s| s.to_lowercase() == lower)
                || u.glued.iter().any(|s| s.to_lowercase() == lower)
        });
        match (found.next(), found.next()) {
            (Some(u), None) => Some(u),
            _ => None,
        }
    }

    /// Whether a word, as written, is a unit's code, symbol or name (no case folding beyond
    /// names): cheap enough for the grammar's hot path.
    pub fn is_unit_word(&self, word: &str) -> bool {
        self.by_code.contains_key(word)
            || self.by_symbol.contains_key(word)
            || self.by_glued.contains_key(word)
            || (word.len() <= 24 && {
                let lower = word.to_ascii_lowercase();
                self.name_starts.contains(&lower) && self.by_name.contains_key(&lower)
            })
    }

    /// Codes of units one of whose forms is within `max` edits of `written`: a likely
    /// misspelling ("kilometrs" of km), closest first.
    pub fn misspelt(&self, written: &str, max: usize) -> Vec<&'static str> {
        let w = written.trim().to_lowercase();
        let mut found: Vec<(usize, &'static str)> = self
            .units
            .iter()
            .filter_map(|u| {
                std::iter::once(u.code)
                    .chain(u.symbols.iter().copied())
                    .chain(u.names.iter().copied())
                    .map(|f| edit_distance(&w, &f.to_lowercase()))
                    .min()
                    .filter(|d| *d <= max)
                    .map(|d| (d, u.code))
            })
            .collect();
        found.sort();
        found.into_iter().map(|(_, c)| c).collect()
    }

    /// Whether `written` is within `max` edits of a unit's spelled form of at least five
    /// letters ("kilometrs", "hectars"): a misspelt unit. Short forms are left out, since a
    /// letter away from "mins" or "kms" is an ordinary word ("wins", "arms").
    pub fn near_miss(&self, written: &str, max: usize) -> bool {
        let w = written.trim().to_lowercase();
        self.units.iter().any(|u| {
            std::iter::once(u.code)
                .chain(u.symbols.iter().copied())
                .chain(u.names.iter().copied())
                .filter(|f| f.chars().count() >= 5)
                .any(|f| edit_distance(&w, &f.to_lowercase()) <= max)
        })
    }

    /// Up to three codes closest to an unknown unit, for an error message.
    pub fn closest(&self, written: &str) -> Vec<&'static str> {
        let limit = (written.trim().chars().count() / 2).max(2);
        let mut close = self.misspelt(written, limit);
        close.truncate(3);
        close
    }

    /// The unit written at the start of `s`, joined to its number as `join` says: its byte
    /// length and the unit. A unit ends at a word boundary ("12 kmh" is km/h; "12 kmx" is
    /// nothing). The longest spelled name wins ("miles per hour" over "miles").
    pub fn read(&self, s: &str, join: Join) -> Option<(usize, &Unit)> {
        let first = s.chars().next()?;
        if !is_symbol_char(first) {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        let first_word = s
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(s.len(), |(n, _)| n);
        let mut buf = [0u8; 24];
        let starts_name = first_word > 0
            && first_word <= buf.len()
            && s.is_char_boundary(first_word)
            && s[..first_word].is_ascii()
            && {
                buf[..first_word].copy_from_slice(&s.as_bytes()[..first_word]);
                buf[..first_word].make_ascii_lowercase();
                std::str::from_utf8(&buf[..first_word]).is_ok_and(|w| self.name_starts.contains(w))
            };
        // Spelled names: up to `longest_name` words separated by one space or hyphen.
        let mut ends = Vec::new();
        let mut key = String::new();
        let mut pos = 0;
        for w in 0..if starts_name { self.longest_name } else { 0 } {
            let word_len = s[pos..]
                .char_indices()
                .find(|(_, c)| !c.is_alphabetic())
                .map_or(s.len() - pos, |(n, _)| n);
            if word_len == 0 || word_len > 24 {
                break;
            }
            if w > 0 {
                key.push(' ');
            }
            key.push_str(&s[pos..pos + word_len].to_lowercase());
            pos += word_len;
            ends.push((pos, key.clone()));
            match s[pos..].chars().next() {
                Some(' ' | '-') if s[pos + 1..].starts_with(|c: char| c.is_alphabetic()) => {
                    pos += 1
                }
                _ => break,
            }
        }
        for (end, k) in ends.iter().rev() {
            if let Some(&i) = self.by_name.get(k) {
                best = Some((*end, i));
                break;
            }
        }
        // Symbols: a run of letters, digits and the few signs units use ("km/h", "m²").
        let run = s
            .char_indices()
            .find(|(_, c)| !is_symbol_char(*c))
            .map_or(s.len(), |(n, _)| n);
        let mut end = run;
        while end > 0 {
            let sym = &s[..end];
            let hit = self.by_symbol.get(sym).or_else(|| {
                (join == Join::Glued)
                    .then(|| self.by_glued.get(sym))
                    .flatten()
            });
            if let Some(&i) = hit {
                // The symbol must end the word: "12 kmx" is no kilometre.
                let next = s[end..].chars().next();
                if !next.is_some_and(|c| c.is_alphanumeric()) && best.is_none_or(|(b, _)| end > b) {
                    best = Some((end, i));
                }
                break;
            }
            // Try shorter prefixes only across a '/' ("km/h" before "km").
            match sym.rfind('/') {
                Some(n) if n > 0 => end = n,
                _ => break,
            }
        }
        best.map(|(len, i)| (len, &self.units[i]))
    }

    /// A value converted from one unit to another of the same base, or `None` when they
    /// cannot convert.
    pub fn convert(&self, value: f64, from: &Unit, to: &Unit) -> Option<f64> {
        if from.code == to.code {
            return Some(value);
        }
        (from.dimension == to.dimension && from.base == to.base)
            .then(|| to.from_base(from.to_base(value)))
    }
}

fn is_symbol_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '/' | '²' | '³' | '°' | 'º' | '$' | '¢' | '€' | '£' | '¥' | '₹' | '%'
        )
}

fn name_key(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn parse_line(line: &'static str) -> Option<Unit> {
    let cols: Vec<&'static str> = line.split('\t').collect();
    let [code, dimension, base, factor, offset, symbols, glued, names] = cols[..] else {
        return None;
    };
    let list = |s: &'static str, sep: char| -> Vec<&'static str> {
        if s == "-" {
            Vec::new()
        } else {
            s.split(sep).filter(|x| !x.is_empty()).collect()
        }
    };
    Some(Unit {
        code,
        dimension: Dimension::parse(dimension)?,
        base,
        factor: factor.parse().ok()?,
        offset: offset.parse().ok()?,
        symbols: list(symbols, ' '),
        glued: list(glued, ' '),
        names: list(names, '|'),
    })
}

/// Levenshtein distance over characters, for suggestions.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests;
