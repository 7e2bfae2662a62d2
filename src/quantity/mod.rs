//! The numeral grammar: finds every quantity an English news text states, with its hedge.

use serde::Serialize;

pub use crate::units::Dimension;

mod grammar;
mod words;

pub use words::{change_verb_before, hedge_meaning, HedgeMeaning};
pub(crate) use words::{ordinal_unit, scale_suffix, scale_word};

/// Whether a lowercase word names a month ("october", "oct", "sept").
pub fn is_month(word: &str) -> bool {
    words::month(word)
}

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Number,
    Percent,
    PercentagePoints,
    Ordinal,
    Range,
    Money,
    Fraction,
    Multiple,
    Year,
    Date,
}

/// One quantity found in a text, with its exact span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The exact source slice, hedge included.
    pub text: String,
    /// Byte offset of the first byte (hedge included).
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, counted in characters.
    pub column: usize,
    pub kind: Kind,
    /// The number as stated in its own unit; `None` for a range.
    pub value: Option<f64>,
    /// Lower bound as stated (before any tolerance); `None` when open.
    pub low: Option<f64>,
    /// Upper bound as stated (before any tolerance); `None` when open.
    pub high: Option<f64>,
    /// The hedge words as written ("about", "more than"), if any.
    pub hedge: Option<String>,
    /// The unit's code in the lexicon (`km`, `GB`, `mph`, `USD`, `%`, `pp`), a rate of two
    /// codes (`USD/gal`, `bbl/day`), or `None` for a plain count.
    pub unit: Option<String>,
    /// What the unit measures; `None` for a plain count.
    pub dimension: Option<Dimension>,
    /// The place value of the last printed significant digit (`2,920` → 10, `1.5` → 0.1).
    pub precision: Option<f64>,
}

/// Finds every quantity in `text`, in order of position. Pure: no I/O.
///
/// The grammar is tried only where a quantity can start (a digit, a sign, a currency sign or
/// the start of a word), and a position inside a quantity already read is never tried again,
/// so the cost is linear in the text.
pub fn extract(text: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut lines = LineCursor::default();
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        if let Some(end) = encoded_token(text, pos) {
            pos = end;
            continue;
        }
        if !text.is_char_boundary(pos) || !candidate_start(text, pos) {
            pos += 1;
            continue;
        }
        match read_at(text, pos) {
            Some(Found::Quantity(mut q)) => {
                let (line, column) = lines.locate(text, q.start);
                q.line = line;
                q.column = column;
                pos = q.end.max(pos + 1);
                out.push(q);
            }
            Some(Found::Skip(end)) => pos = end.max(pos + 1),
            None => pos = next_word(text, pos),
        }
    }
    share_units_backwards(text, &mut out);
    out
}

/// "6.1 and 6.7 inches", "5 or 6 per cent": a bare number coordinated with the one after it
/// takes that one's unit.
fn share_units_backwards(text: &str, out: &mut [Quantity]) {
    for i in (1..out.len()).rev() {
        let (head, tail) = out.split_at_mut(i);
        let (a, b) = (&mut head[i - 1], &tail[0]);
        if a.kind != Kind::Number || a.unit.is_some() || b.unit.is_none() || a.end > b.start {
            continue;
        }
        if !matches!(b.kind, Kind::Number | Kind::Percent | Kind::Money) {
            continue;
        }
        // "was 10.8 million, 26% of the total": a count in millions is no percentage.
        let scaled = a.text.rsplit(' ').next().is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "thousand" | "million" | "billion" | "trillion" | "mn" | "bn"
            )
        });
        if scaled && b.kind == Kind::Percent {
            continue;
        }
        let gap = &text[a.end..b.start];
        if matches!(gap, " and " | " or " | ", " | " and up to " | " or even ") {
            a.unit.clone_from(&b.unit);
            a.dimension = b.dimension;
            a.kind = b.kind;
        }
    }
}

/// Reads a whole string as one quantity, as tables state values: `3417`, `at least 5600`,
/// `more than 40,000`, `500-600`, `about 1200`, `2,000+`. `None` when the text is not exactly
/// one quantity. Years are read as plain numbers here: a table cell is a value, not a date.
pub fn parse_value(text: &str) -> Option<Quantity> {
    let trimmed = text.trim();
    let offset = text.len() - text.trim_start().len();
    let p = grammar::quantity(trimmed)?;
    if p.len != trimmed.len() {
        return None;
    }
    Some(to_quantity(text, offset, &p))
}

/// At the start of a whitespace-separated token that is a URL or URL-encoded text
/// ("https://…", "q=30%25%2020%"), the end of that token: its numbers are not quantities.
/// Each token is looked at once, from its first byte, so the scan stays linear.
fn encoded_token(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes[pos].is_ascii_whitespace() || (pos > 0 && !bytes[pos - 1].is_ascii_whitespace()) {
        return None;
    }
    let end = bytes[pos..]
        .iter()
        .position(u8::is_ascii_whitespace)
        .map_or(bytes.len(), |n| pos + n);
    let token = &bytes[pos..end];
    let url = token.windows(3).any(|w| w == b"://");
    let encoded = token
        .windows(3)
        .any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
        && token.iter().filter(|b| **b == b'%').count() >= 2;
    (url || encoded).then_some(end)
}

/// The byte offset just after the word or token at `pos`.
fn next_word(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    let mut chars = rest.char_indices();
    let first = chars.next().map_or(1, |(_, c)| c.len_utf8());
    if !rest.starts_with(|c: char| c.is_alphanumeric()) {
        return pos + first;
    }
    match rest.find(|c: char| !c.is_alphanumeric()) {
        Some(n) => pos + n,
        None => text.len(),
    }
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn prev_prev_char(text: &str, pos: usize) -> Option<char> {
    let mut it = text[..pos].chars();
    it.next_back();
    it.next_back()
}

/// Whether a quantity may start at `pos`.
/// Whether the digits at `pos` are a year or a decade after "mid-", "early-", "late-",
/// "pre-" or "post-".
fn time_prefix(text: &str, pos: usize) -> bool {
    let Some(head) = text[..pos].strip_suffix('-') else {
        return false;
    };
    let word: String = head
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let year = text[pos..].bytes().take_while(u8::is_ascii_digit).count() == 4;
    year && matches!(
        word.to_ascii_lowercase().as_str(),
        "mid" | "early" | "late" | "pre" | "post"
    )
}

fn candidate_start(text: &str, pos: usize) -> bool {
    let Some(c) = text[pos..].chars().next() else {
        return false;
    };
    let prev = prev_char(text, pos);
    if matches!(c, '<' | '>' | '≤' | '≥') {
        // "x>10", "y<20": a comparison may follow a letter; "<>30", "=>30", "=<30" compare
        // nothing.
        return !matches!(prev, Some('<' | '>' | '=' | '≤' | '≥'));
    }
    let prev_alnum = prev.is_some_and(|p| p.is_alphanumeric() || p == '_');
    if prev_alnum {
        return false;
    }
    if c.is_ascii_digit() {
        // "F-16", "COVID-19": a number glued to a word by a hyphen is a name ("mid-1990s",
        // "late-2022" are times).
        if matches!(prev, Some('-' | '/' | '.' | ':'))
            && prev_prev_char(text, pos).is_some_and(|p| p.is_alphanumeric())
            && !time_prefix(text, pos)
        {
            return false;
        }
        // "nrs. 22,24,26": a list of numbers is read one by one; "A,1" is a label.
        if prev == Some(',') && prev_prev_char(text, pos).is_some_and(|p| p.is_alphabetic()) {
            return false;
        }
        return true;
    }
    if matches!(c, '-' | '−')
        && text[pos + c.len_utf8()..].starts_with([' ', '\u{a0}'])
        && text[..pos]
            .trim_end_matches([' ', '\u{a0}'])
            .ends_with(|p: char| p.is_ascii_digit())
    {
        // "1000 - 5000": a dash between two numbers is no minus sign.
        return false;
    }
    if c.is_alphabetic() {
        return !matches!(prev, Some('\'' | '’' | '-' | '@' | '/' | '&'))
            && word_may_start(text, pos);
    }
    matches!(
        c,
        '-' | '−' | '$' | '€' | '£' | '¥' | '₹' | '~' | '<' | '>' | '≥' | '≤' | '#' | '.'
    ) || words::vulgar_fraction(c).is_some()
}

/// Whether the word at `pos` may open a quantity. Words that open a quantity only in front of
/// a number ("a", "an", "about", "from", "at" …) must see a digit or a number word within the
/// next few words; the grammar is not tried elsewhere.
fn word_may_start(text: &str, pos: usize) -> bool {
    let rest = &text[pos..];
    let len = rest.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
    let mut buf = [0u8; 24];
    // Non-ASCII words are never number words, but "½" and "¾" start with no letter.
    let Some(word) = words::ascii_lower(&rest[..len], &mut buf).filter(|w| !w.is_empty()) else {
        return false;
    };
    if !words::may_start(word) {
        return false;
    }
    if words::is_number_word(word) {
        return true;
    }
    // A hedge or an article: look a few words ahead for something numeric.
    let window = &rest[len..];
    let mut seen = 0;
    for w in window
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if w.starts_with(|c: char| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '$' | '€' | '£' | '¥' | '₹' | '~' | '−' | '-' | '.' | '<' | '>' | '=' | '#'
                )
                || words::vulgar_fraction(c).is_some()
        }) {
            return true;
        }
        let lw: String = w
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if words::is_number_word(&lw) {
            return true;
        }
        seen += 1;
        if seen >= 5 {
            break;
        }
    }
    false
}

enum Found {
    Quantity(Quantity),
    /// Not a quantity, and nothing up to this offset is one either (an IP address, a phone
    /// number, a label such as "Article 5").
    Skip(usize),
}

fn read_at(text: &str, pos: usize) -> Option<Found> {
    let rest = &text[pos..];
    let first = rest.chars().next()?;
    if first == '.' && !rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if first == '.' && prev_char(text, pos).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if first.is_ascii_digit() || first == '-' || first == '+' {
        if let Some(end) = numeric_chain(text, pos) {
            return Some(Found::Skip(end));
        }
        if list_bullet(text, pos) || footnote(text, pos) || in_name(text, pos) {
            return Some(Found::Skip(next_word(text, pos)));
        }
        if let Some(end) = score_at(text, pos) {
            return Some(Found::Skip(end));
        }
    }
    if let Some(q) = date_at(text, pos) {
        return Some(Found::Quantity(q));
    }
    let before = &text[floor_boundary(text, pos.saturating_sub(8))..pos];
    let context = if before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("from"))
    {
        grammar::Context::AfterFrom
    } else if might_join(rest) && change_verb_before(&text[..pos]) {
        grammar::Context::AfterChange
    } else {
        grammar::Context::Plain
    };
    let p = grammar::quantity_in(rest, context)?;
    if p.len == 0 {
        return None;
    }
    let end = pos + p.len;
    // A number glued to letters is a unit or a name ("29km", "180ml", "1m"), not a count.
    let next = text[end..].chars().next();
    let last = text[..end].chars().next_back();
    if next.is_some_and(|c| c.is_alphanumeric()) && last.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let mut q = to_quantity(text, pos, &p);
    if q.kind == Kind::Number && q.hedge.is_none() && lone_word_one(text, &q) {
        return None;
    }
    if let Some(year) = year_reading(text, &q) {
        q = year;
    }
    if q.kind == Kind::Ordinal && ordinal_not_rank(text, &q) {
        return None;
    }
    if matches!(q.kind, Kind::Ordinal | Kind::Fraction) && figurative(text, &q) {
        return Some(Found::Skip(q.end));
    }
    Some(Found::Quantity(q))
}

/// Whether the text at a candidate may hold a "from A to B" or "A to B" that the words before
/// it decide: only then are those words read.
fn might_join(rest: &str) -> bool {
    let end = floor_boundary(rest, rest.len().min(64));
    let window = &rest.as_bytes()[..end];
    window.windows(3).any(|w| w.eq_ignore_ascii_case(b"to "))
        || window.len() >= 4 && window[..4].eq_ignore_ascii_case(b"from")
}

fn to_quantity(text: &str, pos: usize, p: &grammar::Parsed) -> Quantity {
    let end = pos + p.len;
    let slice = &text[pos..end];
    let hedge = p.hedge_len.map(|n| slice[..n].trim_end().to_string());
    Quantity {
        text: slice.to_string(),
        start: pos,
        end,
        line: 1,
        column: 1,
        kind: p.kind,
        value: p.value,
        low: p.low,
        high: p.high,
        hedge,
        unit: match (p.unit, p.per) {
            (Some(u), Some(per)) => Some(format!("{u}/{per}")),
            (u, _) => u.map(str::to_string),
        },
        dimension: match (p.unit, p.per) {
            (Some(_), Some(_)) => Some(Dimension::Rate),
            (Some(u), None) => crate::units::lexicon().get(u).map(|x| x.dimension),
            (None, _) => None,
        },
        precision: p.precision,
    }
}

/// Runs of digits joined by dots, colons or hyphens that no quantity has: IP addresses
/// ("192.168.1.2"), version numbers, times ("10:30"), phone numbers ("+1-222-2222/2222",
/// "555-123-4567"). Returns the end of the run when it is one of those.
fn numeric_chain(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let phone_prefix = pos > 0 && bytes[pos - 1] == b'+';
    let mut i = pos;
    if i < bytes.len() && bytes[i] == b'+' {
        i += 1;
    }
    let mut groups = 0;
    let mut dots = 0;
    let mut colons = 0;
    let mut dashes = 0;
    let mut slashes = 0;
    loop {
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            break;
        }
        groups += 1;
        if i + 1 < bytes.len() && bytes[i + 1].is_ascii_digit() {
            match bytes[i] {
                b'.' => dots += 1,
                b':' => colons += 1,
                b'-' => dashes += 1,
                b'/' => slashes += 1,
                _ => break,
            }
            i += 1;
        } else {
            break;
        }
    }
    let first_is_digit = bytes.get(pos).is_some_and(u8::is_ascii_digit);
    let phone = (phone_prefix || bytes.get(pos) == Some(&b'+')) && groups >= 2
        || dashes >= 2 && slashes == 0 && dots == 0
        || dashes >= 1 && slashes >= 1;
    let chain = dots >= 2 || colons >= 1 || phone;
    let starts_right = first_is_digit || bytes.get(pos) == Some(&b'+');
    (starts_right && chain && groups >= 2 && !is_numeric_date(&text[pos..i])).then_some(i)
}

fn is_numeric_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    let years = parts.iter().filter(|p| p.len() == 4).count();
    years == 1 && parts.iter().all(|p| p.len() == 4 || p.len() <= 2)
}

/// A score, a tally or odds: "won 3-1", "a 1-1 draw", "a 24-17 win", "a 5-4 vote", "odds
/// of 250 to 1", "100/1", "24/7". Two bare integers joined by a dash, "to" or a slash, where
/// the first is not smaller than the second (no range runs downwards), or where a word of
/// scoring stands next to them ("a 17-24 defeat", "beat them 2-3"). Returns the end of the
/// pair: neither number is a quantity.
fn score_at(text: &str, pos: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let int_at = |i: usize| -> Option<(usize, u32)> {
        let n = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if n == 0 || n > 3 {
            return None;
        }
        Some((i + n, text[i..i + n].parse().ok()?))
    };
    let (a_end, a) = int_at(pos)?;
    let rest = &text[a_end..];
    let (sep_len, word_joiner) = if rest.starts_with(['-', '/']) {
        (1, false)
    } else if rest.starts_with(['–', '—']) {
        (3, false)
    } else if rest.starts_with(" to ") {
        (4, true)
    } else {
        return None;
    };
    let (b_end, b) = int_at(a_end + sep_len)?;
    // The pair must end there: "3-1 win", not "3-1.5" or "3-10,000" or "3-5W".
    if text[b_end..].starts_with(|c: char| c.is_alphanumeric() || matches!(c, '%' | '°'))
        || (text[b_end..].starts_with(['.', ','])
            && bytes.get(b_end + 1).is_some_and(u8::is_ascii_digit))
    {
        return None;
    }
    let slash = rest.starts_with('/');
    if slash {
        // "1/3" is a fraction; "100/1", "24/7" are odds and idioms.
        return (a >= b && b <= 10).then_some(b_end);
    }
    let next = text[b_end..]
        .trim_start_matches([' ', '\u{a0}'])
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let prev = text[..pos]
        .trim_end_matches([' ', '\u{a0}'])
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if word_joiner {
        // "odds of 250 to 1", "voted 7 to 2"; "fell from 10 to 5" is a change.
        return (a >= b && (odds_word_near(text, pos, b_end) || words::is_score_verb(&prev)))
            .then_some(b_end);
    }
    // No range runs downwards: "3-1", "1-1", "24-17" are scores.
    (a >= b || words::is_score_noun(&next) || words::is_score_verb(&prev)).then_some(b_end)
}

/// "odds", "shot" or "bet" near a pair of numbers: "odds of 250 to 1", "a 33 to 1 shot".
fn odds_word_near(text: &str, start: usize, end: usize) -> bool {
    let from = floor_boundary(text, start.saturating_sub(24));
    let to = ceil_boundary(text, (end + 16).min(text.len()));
    let window = text[from..to].to_ascii_lowercase();
    ["odds", "shot", "bet", "outsider", "favourite", "favorite"]
        .iter()
        .any(|w| window.contains(w))
}

/// A list marker at the start of a line: "1." or "2)" followed by a space.
fn list_bullet(text: &str, pos: usize) -> bool {
    // Only blanks between the start of the line and the marker (looking back a little way).
    let before = text[..pos].trim_end_matches([' ', '\t']);
    if !(before.is_empty() || before.ends_with('\n')) {
        return false;
    }
    let rest = &text[pos..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits <= 3
        && matches!(rest.as_bytes().get(digits), Some(b'.' | b')'))
        && rest
            .as_bytes()
            .get(digits + 1)
            .is_some_and(|b| *b == b' ' || *b == b'\t')
}

/// A footnote marker: "[3]", "^3".
fn footnote(text: &str, pos: usize) -> bool {
    let prev = prev_char(text, pos);
    let rest = &text[pos..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (prev == Some('[') && rest.as_bytes().get(digits) == Some(&b']')) || prev == Some('^')
}

/// A number that is part of a name rather than a count: "Game 5", "the FTSE 100", "Boeing
/// 737", "iPhone 15", "S&P 500", "Section 230", and labels such as "lane 4" or "episode 12".
///
/// The rule: the number follows, after one space, a word that carries a capital letter and is
/// not a function word that may open a sentence ("The 300 workers", "Only 40"), a month or a
/// unit; or it follows a noun that labels things by number. A number grouped in thousands or
/// a year is never part of a name ("Russia 3,417", "Tokyo 2020" is left to the year reader).
fn in_name(text: &str, pos: usize) -> bool {
    let Some(before) = text[..pos].strip_suffix([' ', '\u{a0}']) else {
        return false;
    };
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '['))
        .map_or(0, |(n, c)| n + c.len_utf8());
    let word = &before[word_start..];
    // "the Bank's 2% target", "Harris's 226": a possessive owns the number; it does not
    // name it.
    if word.is_empty()
        || !word.starts_with(|c: char| c.is_alphabetic())
        || !word.ends_with(|c: char| c.is_alphanumeric())
        || word.ends_with("'s")
        || word.ends_with("’s")
    {
        return false;
    }
    let rest = &text[pos..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let next = rest[digits..].chars().next();
    // "3,417", "2.5": figures, not labels ("Python 3.12" is lost, a fair price).
    if matches!(next, Some(',' | '.'))
        && rest[digits + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    if digits == 4
        && rest[..4]
            .parse::<u32>()
            .is_ok_and(|y| (1800..2200).contains(&y))
    {
        return false;
    }
    let mut buf = [0u8; 24];
    let lower = words::ascii_lower(word, &mut buf).unwrap_or("");
    if words::is_label_noun(lower) {
        return true;
    }
    let capital = word.chars().any(|c| c.is_uppercase());
    capital
        && !words::may_open_sentence(lower)
        && !words::may_start(lower)
        && !words::month(lower)
        && !crate::units::lexicon().is_unit_word(word)
}

/// "one of the most popular", "the one you mentioned": the word "one" as a pronoun.
fn lone_word_one(text: &str, q: &Quantity) -> bool {
    if !q.text.eq_ignore_ascii_case("one") {
        return false;
    }
    let before = text[..q.start].trim_end();
    let prev_word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let after = text[q.end..].trim_start();
    let next_word: String = after
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(
        prev_word.as_str(),
        "the"
            | "this"
            | "that"
            | "which"
            | "any"
            | "each"
            | "every"
            | "no"
            | "some"
            | "no-"
            | "another"
            | "someone"
            | "everyone"
            | "anyone"
            | "little"
            | "last"
            | "a"
    ) || matches!(
        next_word.as_str(),
        "of" | "another"
            | "after"
            | "or"
            | "way"
            | "thing"
            | "day"
            | "hand"
            | "time"
            | "could"
            | "can"
            | "might"
            | "must"
            | "should"
            | "would"
            | "may"
            | "who"
            | "that"
            | "which"
            | "reason"
            | "such"
            | "point"
    )
}

/// Reads a bare four-digit integer as a year when the context says so: "in 2015",
/// "the 2015 report", "2014-15". A count keeps a plural noun after it: "2000 fighters".
fn year_reading(text: &str, q: &Quantity) -> Option<Quantity> {
    if q.kind != Kind::Number && q.kind != Kind::Range {
        return None;
    }
    let t = q.text.as_str();
    let is_year = |s: &str| {
        s.len() == 4
            && s.bytes().all(|b| b.is_ascii_digit())
            && (1000..=2199).contains(&s.parse::<u32>().unwrap_or(0))
    };
    // "2014-15", "2014–2015", "2014/15"
    if q.kind == Kind::Range && q.hedge.is_none() {
        if let Some((a, b)) = t.split_once(['-', '–', '/']) {
            if is_year(a) && (b.len() == 2 || is_year(b)) && b.bytes().all(|x| x.is_ascii_digit()) {
                let start: f64 = a.parse().ok()?;
                let end: f64 = if b.len() == 2 {
                    (start / 100.0).floor() * 100.0 + b.parse::<f64>().ok()?
                } else {
                    b.parse().ok()?
                };
                return Some(Quantity {
                    kind: Kind::Year,
                    value: None,
                    low: Some(start),
                    high: Some(end),
                    precision: None,
                    ..q.clone()
                });
            }
        }
        return None;
    }
    if !is_year(t) || q.hedge.is_some() {
        return None;
    }
    let before = text[..q.start].trim_end();
    let prev_word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let year_context = matches!(
        prev_word.as_str(),
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "of"
            | "during"
            | "from"
            | "to"
            | "through"
            | "before"
            | "after"
            | "between"
            | "and"
            | "year"
            | "early"
            | "late"
            | "mid"
            | "the"
            | "fiscal"
            | "fy"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "end"
            | "start"
            | "beginning"
            | "circa"
            | "around"
            | "for"
            | "at"
            | "last"
            | "as"
    ) || words::month(&prev_word);
    let after = &text[q.end..];
    let next_word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let count_noun = after.starts_with(' ')
        && next_word.len() > 2
        && next_word.ends_with('s')
        && next_word.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            next_word.as_str(),
            "was"
                | "has"
                | "is"
                | "as"
                | "its"
                | "this"
                | "levels"
                | "figures"
                | "numbers"
                | "results"
                | "elections"
                | "census"
                | "estimates"
                | "totals"
                | "counts"
        );
    if count_noun && !year_context {
        return None;
    }
    Some(Quantity {
        kind: Kind::Year,
        precision: None,
        ..q.clone()
    })
}

/// Ordinals and fractions that state no value: "at half-mast", "a third-party audit", "a
/// half-year profit", "in the first half", "for the third time", "a first for the club".
fn figurative(text: &str, q: &Quantity) -> bool {
    // Only the next few words matter; a bounded window keeps the scan linear.
    let after = &text[q.end..floor_boundary(text, (q.end + 48).min(text.len()))];
    // A compound word: "third-party", "half-mast", "first-class". Ranks keep their
    // superlative ("second-largest" is read as one ordinal already).
    if after.starts_with(['-', '\u{2011}']) && after[1..].starts_with(|c: char| c.is_alphabetic()) {
        return true;
    }
    let next: String = after
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    let prev: String = text[..q.start]
        .trim_end_matches([' ', '\u{a0}'])
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let lower = q.text.to_ascii_lowercase();
    match q.kind {
        // "the first time", "for the third time": an occasion, not a place.
        Kind::Ordinal if matches!(next.as_str(), "time" | "times") => true,
        // "the first half", "the third quarter": a part of a period.
        Kind::Ordinal if matches!(next.as_str(), "half" | "quarter") => true,
        // "second to last", "third from bottom": a place counted from the end, which the
        // ordinal alone does not give.
        Kind::Ordinal if matches!(next.as_str(), "to" | "from") => {
            let later = after.trim_start_matches([' ', '\u{a0}'])[next.len()..]
                .trim_start_matches([' ', '\u{a0}'])
                .to_ascii_lowercase();
            let later = later.strip_prefix("the ").unwrap_or(&later);
            ["last", "bottom", "end"]
                .iter()
                .any(|w| later.starts_with(w) && !later[w.len()..].starts_with(char::is_alphabetic))
        }
        // "a first for the club": an achievement, not a place.
        Kind::Ordinal
            if lower == "first"
                && prev == "a"
                && matches!(
                    next.as_str(),
                    "" | "for" | "in" | "of" | "at" | "on" | "since"
                ) =>
        {
            true
        }
        // "the first half", "the second half of the year": a part of a period.
        Kind::Fraction if lower == "half" && words::ordinal_unit(&prev).is_some() => true,
        // "for a quarter of a century", "half of an hour": a span of time, no share.
        Kind::Fraction if next == "of" => {
            let rest = after.trim_start_matches([' ', '\u{a0}'])[2..]
                .trim_start()
                .to_ascii_lowercase();
            let rest = rest
                .strip_prefix("a ")
                .or_else(|| rest.strip_prefix("an "))
                .unwrap_or("");
            let unit: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            matches!(
                unit.as_str(),
                "century"
                    | "decade"
                    | "year"
                    | "month"
                    | "week"
                    | "day"
                    | "hour"
                    | "minute"
                    | "season"
                    | "lifetime"
                    | "generation"
            )
        }
        _ => false,
    }
}

/// Ordinal words that are not ranks: "a second" (time), "second half".
fn ordinal_not_rank(text: &str, q: &Quantity) -> bool {
    let lower = q.text.to_ascii_lowercase();
    if lower != "second" && lower != "seconds" {
        return false;
    }
    let window_start = floor_boundary(text, q.start.saturating_sub(16));
    let before = text[window_start..q.start].trim_end().to_ascii_lowercase();
    let window_end = ceil_boundary(text, (q.end + 16).min(text.len()));
    let after = text[q.end..window_end].trim_start().to_ascii_lowercase();
    before.ends_with(|c: char| c.is_ascii_digit())
        || before.ends_with(" a")
        || before.ends_with(" per")
        || before.ends_with(" every")
        || after.starts_with("half")
        || after.starts_with("hand")
        || after.starts_with("thought")
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Dates: "October 2017", "Oct. 24, 2017", "24 October 2017", "2017-10-24", "5/17/2018",
/// "the 1990s".
fn date_at(text: &str, pos: usize) -> Option<Quantity> {
    let rest = &text[pos..];
    let make = |len: usize, year: Option<f64>| Quantity {
        text: rest[..len].to_string(),
        start: pos,
        end: pos + len,
        line: 1,
        column: 1,
        kind: Kind::Date,
        value: year,
        low: year,
        high: year,
        hedge: None,
        unit: None,
        dimension: None,
        precision: None,
    };
    let first = rest.chars().next()?;
    if first.is_ascii_digit() {
        // ISO and numeric dates
        let run: usize = rest
            .bytes()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b'/' | b'-' | b'.'))
            .count();
        let token = rest[..run].trim_end_matches(['.', '-', '/']);
        if is_numeric_date(token) && !rest[token.len()..].starts_with(|c: char| c.is_alphanumeric())
        {
            let year = token
                .split(['/', '-', '.'])
                .find(|p| p.len() == 4)
                .and_then(|p| p.parse().ok());
            return Some(make(token.len(), year));
        }
        // "2014-15", "2014–2015", "2014/15": a span of years
        if let Some(q) = year_span(rest, pos) {
            return Some(q);
        }
        // "1995-01": a year and a month
        if token.len() == 7
            && token.as_bytes()[4] == b'-'
            && token.bytes().filter(|b| b.is_ascii_digit()).count() == 6
        {
            let month: u32 = token[5..].parse().ok()?;
            if (1..=12).contains(&month)
                && token[..4]
                    .parse::<u32>()
                    .is_ok_and(|y| (1000..2200).contains(&y))
            {
                return Some(make(7, token[..4].parse().ok()));
            }
        }
        // decades: "1990s", "the 2010s"
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 4
            && rest[4..].starts_with('s')
            && !rest[5..].starts_with(|c: char| c.is_alphanumeric())
        {
            return Some(make(5, rest[..4].parse().ok()));
        }
        // "24 October 2017"
        if (1..=2).contains(&digits) {
            let after = &rest[digits..];
            let sp = after.len() - after.trim_start_matches(' ').len();
            if sp == 1 {
                if let Some(m) = month_word(&after[1..], false) {
                    let mut len = digits + 1 + m;
                    if let Some(y) = year_after(&rest[len..]) {
                        len += y;
                    }
                    return Some(make(len, None));
                }
            }
        }
        return None;
    }
    // "October 2017", "Oct. 24, 2017", "May 4th"
    // Lowercase text ("aired on march 28, 2010") dates only with its year.
    let m = month_word(rest, true)?;
    let capital = rest.starts_with(|c: char| c.is_ascii_uppercase());
    let after = &rest[m..];
    if let Some(y) = year_after(after) {
        let year = rest[m + y - 4..m + y].parse().ok();
        return Some(make(m + y, year));
    }
    let sp = after.len() - after.trim_start_matches(' ').len();
    if sp != 1 {
        return None;
    }
    let day_text = &after[1..];
    let digits = day_text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let day: u32 = day_text[..digits].parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    let mut len = m + 1 + digits;
    let suffix = &day_text[digits..];
    for s in ["st", "nd", "rd", "th"] {
        if suffix.starts_with(s) {
            len += 2;
            break;
        }
    }
    if rest[len..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let tail = &rest[len..];
    let comma = if tail.starts_with(", ") { 1 } else { 0 };
    let mut year = None;
    if let Some(y) = year_after(&tail[comma..]) {
        year = tail[comma + y - 4..comma + y].parse().ok();
        len += comma + y;
    }
    // "May" is also a verb: "may 4" needs a capital; any lowercase month needs its year.
    if !capital && year.is_none() {
        return None;
    }
    Some(make(len, year))
}

/// "2014-15", "2014–2015", "2014/15": a span of years, with the years as its bounds.
fn year_span(rest: &str, pos: usize) -> Option<Quantity> {
    let first: u32 = rest.get(..4)?.parse().ok()?;
    if !(1000..2200).contains(&first) || rest[4..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let sep = rest[4..].chars().next()?;
    if !matches!(sep, '-' | '–' | '/') {
        return None;
    }
    let after = &rest[4 + sep.len_utf8()..];
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if after[digits..].starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '/') {
        return None;
    }
    let second: u32 = after[..digits].parse().ok()?;
    let end = match digits {
        2 => first / 100 * 100 + second,
        4 => second,
        _ => return None,
    };
    if end <= first || end - first > 20 {
        return None;
    }
    let len = 4 + sep.len_utf8() + digits;
    Some(Quantity {
        text: rest[..len].to_string(),
        start: pos,
        end: pos + len,
        line: 1,
        column: 1,
        kind: Kind::Year,
        value: None,
        low: Some(f64::from(first)),
        high: Some(f64::from(end)),
        hedge: None,
        unit: None,
        dimension: None,
        precision: None,
    })
}

/// The byte length of a month name at the start of `s` (with an abbreviation's dot).
/// A lowercase month ("march 28, 2010") counts only where `lower_ok`: where a year follows.
fn month_word(s: &str, lower_ok: bool) -> Option<usize> {
    let w: String = s.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    if w.is_empty() || !(lower_ok || w.starts_with(|c: char| c.is_ascii_uppercase())) {
        return None;
    }
    if !words::month(&w.to_ascii_lowercase()) {
        return None;
    }
    let mut len = w.len();
    if s[len..].starts_with('.') && w.len() <= 4 {
        len += 1;
    }
    Some(len)
}

/// The byte length of " 2017" (one space and a four-digit year) at the start of `s`.
fn year_after(s: &str) -> Option<usize> {
    let t = s.strip_prefix(' ')?;
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 || t[4..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let y: u32 = t[..4].parse().ok()?;
    (1000..2200).contains(&y).then_some(5)
}

/// Turns byte offsets into lines and columns while scanning forward, so that each byte is
/// looked at once however long the lines are.
#[derive(Default)]
struct LineCursor {
    /// 0-based line and column (in characters) of `scanned`.
    line: usize,
    column: usize,
    scanned: usize,
}

impl LineCursor {
    fn locate(&mut self, text: &str, offset: usize) -> (usize, usize) {
        if offset < self.scanned {
            *self = LineCursor::default();
        }
        for c in text[self.scanned..offset].chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 0;
            } else {
                self.column += 1;
            }
        }
        self.scanned = offset;
        (self.line + 1, self.column + 1)
    }
}

#[cfg(test)]
mod tests;

/// The two ends of a "from A to B" or "between A and B" range, each as its own quantity with
/// its own span, for a range that is really a change ("grew from 150 to 320").
pub fn range_ends(q: &Quantity) -> Option<(Quantity, Quantity)> {
    let lower = q.text.to_ascii_lowercase();
    let (opener, joiner) = if lower.starts_with("from") {
        ("from", " to ")
    } else if lower.starts_with("between") {
        ("between", " and ")
    } else {
        return None;
    };
    let j = lower.find(joiner)?;
    let a_text = &q.text[opener.len()..j];
    let b_text = &q.text[j + joiner.len()..];
    let a_off = opener.len() + (a_text.len() - a_text.trim_start().len());
    let b_off = j + joiner.len() + (b_text.len() - b_text.trim_start().len());
    let mut a = parse_value(a_text.trim())?;
    let mut b = parse_value(b_text.trim())?;
    for (x, off) in [(&mut a, a_off), (&mut b, b_off)] {
        x.start = q.start + off;
        x.end = x.start + x.text.len();
        x.line = q.line;
        x.column = q.column + q.text[..off].chars().count();
    }
    Some((a, b))
}
