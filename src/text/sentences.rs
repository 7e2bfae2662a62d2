//! Sentence boundaries inside a paragraph of plain text.
//!
//! A sentence ends at `.`, `!` or `?` (possibly repeated, possibly followed by closing quotes or
//! brackets) when whitespace follows and then the end of the paragraph or something that can
//! start a sentence: an uppercase letter, a digit, an opening quote or bracket, a currency sign.
//! A `.` is further checked against abbreviations, see [`abbreviation`].
//!
//! Everything here scans forward once, looking back at most a few bytes, so splitting is linear.

use std::ops::Range;

use super::Sentence;

/// Characters that end a sentence.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?')
}

/// Characters that may follow the terminator and still belong to the sentence.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']')
}

/// Characters a new sentence may start with.
fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '\'' | '“' | '‘' | '(' | '[' | '$' | '€' | '£' | '¥'
        )
}

/// How an abbreviation ending in `.` behaves before a word that could start a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    /// Titles, initials and the like, which are followed by what they qualify: never ends a
    /// sentence (`Dr. Smith`, `J. K. Rowling`, `e.g. Paris`).
    Never,
    /// Only qualifies a number: does not end a sentence before a digit (`No. 1`, `Sept. 11`).
    BeforeNumber,
    /// `U.S.`, `U.K.`, `U.N.`, `E.U.`: journalism writes "U.S. President" far more often than it
    /// ends a sentence with "U.S.", so these do not end a sentence inside a paragraph; they do
    /// end one at the end of a line of plain text (see [`ends_line_paragraph`]).
    Country,
}

/// Abbreviations that precede what they qualify (compared in lowercase).
const NEVER: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "col", "lt",
    "sgt", "capt", "maj", "adm", "cmdr", "rev", "hon", "supt", "st", "mt", "ft", "vs", "e.g",
    "i.e", "approx", "ca", "est", "pp", "fig", "figs", "vol", "vols", "ch", "sec", "dept", "govt",
    "cf",
];

/// Abbreviations that precede a number (compared in lowercase).
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
];

/// Dotted country abbreviations, exact case, without the final dot.
const COUNTRIES: &[&str] = &["U.S", "U.K", "U.N", "E.U"];

/// Classifies the word that ends with the `.` at byte `dot` of `text`, if it is an
/// abbreviation.
///
/// Deliberately *not* here: `Inc.`, `Ltd.`, `Co.`, `Corp.`, `Jr.`, `Sr.` and `etc.`, which end
/// sentences as often as not; like any word they only end one before a capital, digit or quote
/// ("Acme Inc. said" is one sentence, "sold to Acme Inc. The deal" two).
fn abbreviation(text: &str, dot: usize) -> Option<Abbreviation> {
    // Abbreviations are short: looking back a bounded distance keeps the scan linear.
    const MAX_LEN: usize = 12;
    let before = text.get(..dot)?;
    let word_start = before
        .bytes()
        .rev()
        .take(MAX_LEN + 1)
        .take_while(|&b| b.is_ascii_alphabetic() || b == b'.')
        .count();
    if word_start > MAX_LEN {
        return None;
    }
    let start = dot - word_start;
    // The word must not be the tail of a longer word (`café.` is not `f.`) or a number.
    if before[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let word = before[start..].trim_start_matches('.');
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // A single capital is an initial (`J. K. Rowling`); `c.` is circa, `p.` page.
        return (c.is_ascii_uppercase() || c == 'c' || c == 'p').then_some(Abbreviation::Never);
    }
    if COUNTRIES.contains(&word) {
        return Some(Abbreviation::Country);
    }
    let lower = word.to_ascii_lowercase();
    // After a figure, "Mt", "ft" and "pp" are units ("fell to 31.9 Mt."), not "Mount", "Fort"
    // or "pages" before a name.
    let after_figure = before[..start]
        .strip_suffix(' ')
        .unwrap_or(&before[..start])
        .ends_with(|c: char| c.is_ascii_digit());
    if after_figure && matches!(lower.as_str(), "mt" | "ft" | "pp") {
        return None;
    }
    if NEVER.contains(&lower.as_str()) {
        Some(Abbreviation::Never)
    } else if BEFORE_NUMBER.contains(&lower.as_str()) {
        Some(Abbreviation::BeforeNumber)
    } else {
        None
    }
}

/// Whether the `.` at byte `dot` of `text` ends a sentence when `next` (the first non-blank
/// character after it) follows.
fn dot_ends_sentence(text: &str, dot: usize, next: char) -> bool {
    match abbreviation(text, dot) {
        None => true,
        Some(Abbreviation::Never | Abbreviation::Country) => false,
        Some(Abbreviation::BeforeNumber) => !next.is_ascii_digit(),
    }
}

/// Whether a line of plain text that ends at byte `end` of `text` (trailing whitespace already
/// excluded) ends a paragraph, given the first non-blank character of the next line.
///
/// Plain text has no markup for paragraphs: blank lines separate them, but many articles are
/// written one paragraph per line, while others are hard-wrapped. A line that ends with
/// sentence-final punctuation (optionally followed by closing quotes or brackets) ends a
/// paragraph; any other newline is a soft wrap. A `.` after a title or initial (`Dr.`, `J.`)
/// is taken for a wrap, since a name follows on the next line.
pub(crate) fn ends_line_paragraph(text: &str, end: usize, next: Option<char>) -> bool {
    let Some(line) = text.get(..end) else {
        return false;
    };
    let core = line.trim_end_matches(is_closer);
    match core.chars().next_back() {
        Some('.') => match abbreviation(text, core.len() - 1) {
            None | Some(Abbreviation::Country) => true,
            Some(Abbreviation::Never) => false,
            Some(Abbreviation::BeforeNumber) => !next.is_some_and(|c| c.is_ascii_digit()),
        },
        Some('!' | '?') => true,
        _ => false,
    }
}

/// Appends to `out` the sentences of the paragraph `range` of `text`, numbered `paragraph`.
pub(crate) fn split(text: &str, range: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let Some(para) = text.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let mut push = |start: usize, end: usize| {
        let piece = &para[start..end];
        let trimmed = piece.trim_start();
        let start = start + (piece.len() - trimmed.len());
        let end = start + trimmed.trim_end().len();
        if start < end {
            out.push(Sentence {
                start: base + start,
                end: base + end,
                paragraph,
            });
        }
    };

    let mut start = 0;
    let mut chars = para.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // A line that opens with a dash or a bullet ("-- France had 1,910") starts a new
        // sentence, whatever the line before it ended with.
        if c == '\n' {
            let rest = para[i + 1..].trim_start_matches([' ', '\t']);
            if ["--", "—", "–", "•"].iter().any(|m| rest.starts_with(m)) {
                push(start, i);
                start = i + 1;
            }
            continue;
        }
        if !is_terminator(c) {
            continue;
        }
        // Take in the rest of `?!`, `...`, and closing quotes: `rose." Then`.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_terminator(d) || is_closer(d) {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        // Decimals (`1.5`), `D.C.-based`, `U.S.` inside: no whitespace after the dot.
        match chars.peek() {
            None => {}
            Some(&(_, d)) if d.is_whitespace() => {}
            Some(_) => continue,
        }
        let mut next = None;
        let mut newline = false;
        while let Some(&(_, d)) = chars.peek() {
            if d.is_whitespace() {
                newline |= d == '\n';
                chars.next();
            } else {
                next = Some(d);
                break;
            }
        }
        // A line break after a sentence's end ends the sentence whatever follows it, unless
        // the dot is a title's or an initial's ("Dr.\nSmith").
        let ends = match next {
            None => true,
            Some(n) if newline => c != '.' || ends_line_paragraph(para, end, Some(n)),
            Some(n) => starts_sentence(n) && (c != '.' || dot_ends_sentence(para, i, n)),
        };
        if ends {
            push(start, end);
            start = end;
        }
    }
    push(start, para.len());
}
