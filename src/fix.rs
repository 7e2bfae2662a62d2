//! Suggested values and fixes: a table value written the way the article writes the figure it
//! corrects, the edits `check --fix` makes, and the unified diff `check --fix --diff` prints.
//!
//! A figure is rewritten only when the fix is safe: the claim states an exact figure (no
//! hedge) of a plain value, the table holds one exact value in the claim's own unit, and the
//! figure printed to the article's precision agrees with the table (so a second run finds
//! nothing left to fix). Everything else gets at most a suggestion for a person to weigh.

use crate::check::FileReport;
use crate::quantity::{Kind, Quantity};
use crate::rules::{tolerance, Interval, Tolerances};
use crate::table::Record;

/// The table value as the article would print it, in place of a figure the table disagrees
/// with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Byte range, in the article, of the printed number the table value replaces (digits
    /// and separators only: the hedge, currency sign and scale word stay).
    pub start: usize,
    pub end: usize,
    /// The number as the article prints it.
    pub old: String,
    /// The table value, printed like `old`: same separators, decimals and scale.
    pub new: String,
    /// The claim's words with the table value in place and the hedge left out ("2,926",
    /// "3.4 million", "$4.5bn").
    pub shown: String,
    /// Whether `new` is the table value itself rather than a rounding of it.
    pub exact: bool,
    /// Whether `check --fix` may write `new` over `old`.
    pub fixable: bool,
}

/// How an article groups the digits of large numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// The thousands separator, or `None` when the article writes large numbers ungrouped.
    pub group: Option<char>,
}

impl Style {
    /// The article's habit: the separator of the first number grouped in thousands
    /// ("48,210", "10 000"); else no separator when it prints a number of five or more
    /// digits ungrouped; else the comma.
    pub fn of(source: &str) -> Style {
        let mut ungrouped = false;
        let mut pos = 0;
        while pos < source.len() {
            let Some(lit) = literal_at(source, pos) else {
                // Skip to the next character.
                pos += source[pos..].chars().next().map_or(1, char::len_utf8);
                continue;
            };
            // A plain space between digits may only separate two numbers ("in 15 200
            // people"): it proves no habit.
            if let Some(g) = lit.group.filter(|&g| g != ' ') {
                return Style { group: Some(g) };
            }
            ungrouped |= lit.int_digits >= 5 && lit.decimals == 0;
            pos = lit.end.max(pos + 1);
        }
        Style {
            group: if ungrouped { None } else { Some(',') },
        }
    }
}

/// A number printed in digits, inside a larger text.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Literal {
    start: usize,
    end: usize,
    /// How many digits the integer part has.
    int_digits: usize,
    /// How many digits follow the decimal point.
    decimals: usize,
    group: Option<char>,
    value: f64,
}

fn is_group_char(c: char) -> bool {
    matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The number printed at byte `pos` of `text`, when one starts there (and not in the middle
/// of one): digits grouped in threes by one separator, then an optional decimal part.
/// Numbers that cannot be reprinted faithfully are refused: a decimal comma ("2,9"),
/// scientific notation ("1.3e6"), Indian grouping ("12,34,567"), several decimal points.
fn literal_at(text: &str, pos: usize) -> Option<Literal> {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let starts = digit(pos) || (bytes.get(pos) == Some(&b'.') && digit(pos + 1));
    if !starts || (pos > 0 && (digit(pos - 1) || bytes[pos - 1] == b'.')) {
        return None;
    }
    let mut i = pos;
    while digit(i) {
        i += 1;
    }
    let mut int_digits = i - pos;
    let mut group = None;
    while let Some(c) = text[i..].chars().next() {
        if !is_group_char(c) || group.is_some_and(|g| g != c) {
            break;
        }
        let after = i + c.len_utf8();
        let three = (0..3).all(|k| digit(after + k)) && !digit(after + 3);
        if !three || int_digits == 0 || (group.is_none() && int_digits > 3) {
            break;
        }
        group = Some(c);
        int_digits += 3;
        i = after + 3;
    }
    let mut decimals = 0;
    if bytes.get(i) == Some(&b'.') && digit(i + 1) {
        i += 1;
        while digit(i) {
            i += 1;
            decimals += 1;
        }
    }
    // What must not follow a number that can be reprinted.
    let next = bytes.get(i).copied();
    let after = bytes.get(i + 1).copied();
    let refused = match next {
        Some(b'.' | b',') => after.is_some_and(|b| b.is_ascii_digit()),
        Some(b'e' | b'E') => after.is_some_and(|b| b.is_ascii_digit() || b == b'+' || b == b'-'),
        _ => false,
    };
    if refused || int_digits > 15 || decimals > 6 {
        return None;
    }
    let digits: String = text[pos..i]
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let value: f64 = digits.parse().ok()?;
    Some(Literal {
        start: pos,
        end: i,
        int_digits,
        decimals,
        group,
        value,
    })
}

/// The first number printed in digits in `text`, when it can be reprinted.
fn first_literal(text: &str) -> Option<Literal> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let start = (0..b.len()).find(|&i| digit(i) || (b[i] == b'.' && digit(i + 1)))?;
    literal_at(text, start)
}

/// `v` printed with `decimals` decimals (rounded half away from zero) and its integer part
/// grouped in thousands by `group`. `None` for a negative or unprintable value.
fn print(v: f64, decimals: usize, group: Option<char>) -> Option<String> {
    if !v.is_finite() || v < 0.0 {
        return None;
    }
    let factor = 10f64.powi(decimals as i32);
    let scaled = (v * factor).round();
    if scaled >= 1e15 {
        return None;
    }
    let n = scaled as u64;
    let f = 10u64.pow(decimals as u32);
    let int = (n / f).to_string();
    let mut out = match group {
        Some(g) => group_digits(&int, g),
        None => int,
    };
    if decimals > 0 {
        out.push('.');
        out.push_str(&format!("{:0width$}", n % f, width = decimals));
    }
    Some(out)
}

/// A run of digits grouped in thousands: `group_digits("48210", ',')` is `48,210`.
pub fn group_digits(digits: &str, sep: char) -> String {
    let len = digits.chars().count();
    let mut out = String::with_capacity(digits.len() + len / 3 * sep.len_utf8());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// The place value of the last printed digit of a number of `decimals` decimals, as the
/// grammar reads it (a whole number below a hundred is exact; trailing zeros of a larger one
/// are not significant; a percentage is read to its decimals), times `scale`.
fn precision_of(literal: f64, decimals: usize, scale: f64, percent: bool) -> f64 {
    let p = if decimals > 0 {
        10f64.powi(-(decimals as i32)) * scale
    } else {
        let mut v = literal.abs().round();
        if !(100.0..=1e18).contains(&v) {
            scale.max(1.0)
        } else {
            let mut p: f64 = 1.0;
            while v % 10.0 == 0.0 && v >= 10.0 {
                v /= 10.0;
                p *= 10.0;
            }
            p.max(scale.min(p))
        }
    };
    if percent && p >= 1.0 {
        1.0
    } else {
        p
    }
}

/// The power of ten `r` is, when it is one (1, 1000, a million…).
fn power_of_ten(r: f64) -> Option<f64> {
    if !(r.is_finite() && r > 0.0) {
        return None;
    }
    let k = r.log10().round();
    let p = 10f64.powi(k as i32);
    ((r - p).abs() <= p * 1e-9 && (0.0..=15.0).contains(&k)).then_some(p)
}

/// The table's value for a claim the table disagrees with, printed in the claim's style.
///
/// `record` must be the row the claim was checked against, with the claim in the metric's
/// own unit (no conversion); `expected` is the row's interval under the tolerances. The
/// suggestion is fixable only when the claim has no hedge, the table value is exact, and the
/// figure printed to the article's precision still agrees with the table. `None` when the
/// figure cannot be reprinted in its own style (spelled out, a range, another scale, a sign
/// the fix would flip) or when the two values are too far apart for a slip.
pub fn suggest(
    q: &Quantity,
    record: &Record,
    expected: &Interval,
    tol: &Tolerances,
    style: Style,
    sign_unstated: bool,
) -> Option<Suggestion> {
    if !matches!(
        q.kind,
        Kind::Number | Kind::Money | Kind::Percent | Kind::PercentagePoints
    ) {
        return None;
    }
    let claimed = q.value?;
    let v = &record.value;
    let table = match (v.scaled_low, v.scaled_high) {
        (Some(lo), Some(hi)) if lo == hi && v.hedge.is_none() && lo.is_finite() => lo,
        _ => return None,
    };
    let lit = first_literal(&q.text)?;
    if lit.value == 0.0 || claimed == 0.0 {
        return None;
    }
    // The claim's scale and sign: "2.9 million" is 2.9 × 10⁶, "−7" is 7 × −1.
    let ratio = claimed / lit.value;
    let scale = power_of_ten(ratio.abs())?;
    let signed = scale * ratio.signum();
    let new_value = table / signed;
    // A value of the other sign, or a hundred times off, is no slip to correct in place.
    let far = (table / claimed).abs();
    if new_value < 0.0 || !(0.01..=100.0).contains(&far) {
        return None;
    }
    // A figure the article groups keeps its separator; one of four or more digits printed
    // ungrouped stays ungrouped; a short one follows the article's habit.
    let group = match lit.group {
        Some(g) => Some(g),
        None if lit.int_digits >= 4 => None,
        None => style.group,
    };
    let new = print(new_value, lit.decimals, group)?;
    let old = q.text[lit.start..lit.end].to_string();
    let printed: f64 = new
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect::<String>()
        .parse()
        .ok()?;
    if printed == 0.0 {
        return None;
    }
    let exact = (printed * signed - table).abs() <= table.abs() * 1e-12;
    // The figure as the article would print it must still agree with the table, or the fix
    // would only trade one wrong figure for another.
    let mut fixed = q.clone();
    fixed.value = Some(printed * signed);
    if q.low.is_some() {
        fixed.low = fixed.value;
    }
    if q.high.is_some() {
        fixed.high = fixed.value;
    }
    fixed.precision = Some(precision_of(
        printed,
        lit.decimals,
        scale,
        q.kind == Kind::Percent,
    ));
    let agrees = tolerance::claimed(&fixed, tol).is_some_and(|i| i.meets(expected));
    let fixable = q.hedge.is_none() && !sign_unstated && agrees && new != old;
    let replaced = format!("{}{}{}", &q.text[..lit.start], new, &q.text[lit.end..]);
    Some(Suggestion {
        start: q.start + lit.start,
        end: q.start + lit.end,
        shown: without_hedge(&replaced, q.hedge.as_deref()),
        old,
        new,
        exact,
        fixable,
    })
}

/// The claim's words without its hedge, on one line.
fn without_hedge(text: &str, hedge: Option<&str>) -> String {
    let one = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(h) = hedge.map(|h| h.split_whitespace().collect::<Vec<_>>().join(" ")) else {
        return one;
    };
    let lower = one.to_lowercase();
    let h = h.to_lowercase();
    if !h.is_empty() && lower.starts_with(&h) && one.is_char_boundary(h.len()) {
        return one[h.len()..].trim_start().to_string();
    }
    if !h.is_empty() && lower.ends_with(&h) && one.is_char_boundary(one.len() - h.len()) {
        return one[..one.len() - h.len()].trim_end().to_string();
    }
    one
}

/// One replacement in an article: bytes `start..end`, which read `old`, become `new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub old: String,
    pub new: String,
}

/// The edits `check --fix` makes to one article: one per fixable finding, in order of
/// position. A figure two findings would fix differently (a claim tied to two rows that
/// disagree) is left alone, as is any edit whose bytes do not read what it expects.
pub fn edits(report: &FileReport, source: &str) -> Vec<Edit> {
    let mut all: Vec<Edit> = report
        .findings
        .iter()
        .filter(|f| f.rule == crate::rules::value_mismatch::RULE.id)
        .filter_map(|f| f.suggestion.as_ref())
        .filter(|s| s.fixable)
        .filter(|s| source.get(s.start..s.end) == Some(s.old.as_str()))
        .map(|s| Edit {
            start: s.start,
            end: s.end,
            old: s.old.clone(),
            new: s.new.clone(),
        })
        .collect();
    all.sort_by(|a, b| (a.start, a.end, &a.new).cmp(&(b.start, b.end, &b.new)));
    all.dedup();
    // Overlapping edits (the same figure fixed two ways) cancel each other.
    let mut keep = vec![true; all.len()];
    for i in 1..all.len() {
        if all[i].start < all[i - 1].end {
            keep[i] = false;
            keep[i - 1] = false;
        }
    }
    all.into_iter()
        .zip(keep)
        .filter_map(|(e, k)| k.then_some(e))
        .collect()
}

/// `source` with `edits` made. They are applied from the last to the first, so that each
/// edit's offsets still point at the text it replaces; text outside them is left byte for
/// byte.
pub fn apply(source: &str, edits: &[Edit]) -> String {
    let mut out = source.to_string();
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse((e.start, e.end)));
    let mut limit = out.len();
    for e in sorted {
        if e.end > limit || out.get(e.start..e.end) != Some(e.old.as_str()) {
            continue;
        }
        out.replace_range(e.start..e.end, &e.new);
        limit = e.start;
    }
    out
}

/// A unified diff (three lines of context) from `old` to `new`, both named `path`; empty when
/// they are equal. Fixes never add or remove a line, so lines pair one to one.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    if old == new || a.len() != b.len() {
        return String::new();
    }
    const CONTEXT: usize = 3;
    let changed: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    // Hunks: runs of changed lines closer than twice the context.
    let mut hunks: Vec<(usize, usize)> = Vec::new();
    for &i in &changed {
        let from = i.saturating_sub(CONTEXT);
        let to = (i + CONTEXT + 1).min(a.len());
        match hunks.last_mut() {
            Some(h) if from <= h.1 => h.1 = to,
            _ => hunks.push((from, to)),
        }
    }
    let mut out = format!("--- {path}\n+++ {path}\n");
    let line = |out: &mut String, mark: char, l: &str| {
        out.push(mark);
        out.push_str(l);
        if !l.ends_with('\n') {
            out.push_str("\n\\ No newline at end of file\n");
        }
    };
    for (from, to) in hunks {
        let n = to - from;
        out.push_str(&format!("@@ -{},{n} +{},{n} @@\n", from + 1, from + 1));
        let mut i = from;
        while i < to {
            if a[i] == b[i] {
                line(&mut out, ' ', a[i]);
                i += 1;
                continue;
            }
            // A run of changed lines: all the old ones, then all the new ones.
            let run_end = (i..to).find(|&k| a[k] == b[k]).unwrap_or(to);
            for l in &a[i..run_end] {
                line(&mut out, '-', l);
            }
            for l in &b[i..run_end] {
                line(&mut out, '+', l);
            }
            i = run_end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_are_read_with_their_style() {
        let l = first_literal("about 48,210 people").unwrap();
        assert_eq!((l.start, l.end, l.group, l.decimals), (6, 12, Some(','), 0));
        assert_eq!(l.value, 48210.0);
        let l = first_literal("$2.95 million").unwrap();
        assert_eq!((l.start, l.end, l.group, l.decimals), (1, 5, None, 2));
        let l = first_literal("10 000 km").unwrap();
        assert_eq!((l.group, l.value), (Some(' '), 10000.0));
        assert_eq!(first_literal("2,9 millions"), None);
        assert_eq!(first_literal("1.3e6"), None);
        assert_eq!(first_literal("12,34,567"), None);
        assert_eq!(first_literal("twenty"), None);
        // "1234,567" is no grouping the fix could reproduce.
        assert_eq!(first_literal("1234,567"), None);
        assert_eq!(first_literal("1,234, 567").map(|l| l.end), Some(5));
    }

    #[test]
    fn numbers_print_in_the_article_style() {
        assert_eq!(print(48210.0, 0, Some(',')).unwrap(), "48,210");
        assert_eq!(print(48210.0, 0, None).unwrap(), "48210");
        assert_eq!(print(3.449, 1, Some(',')).unwrap(), "3.4");
        assert_eq!(print(2.45, 1, None).unwrap(), "2.5");
        assert_eq!(print(1234567.0, 0, Some(' ')).unwrap(), "1 234 567");
        assert_eq!(print(0.5, 2, None).unwrap(), "0.50");
        assert_eq!(print(-1.0, 0, None), None);
    }

    #[test]
    fn the_article_style_is_its_first_grouped_number() {
        assert_eq!(
            Style::of("In 2015, 12\u{a0}000 and 3,000.").group,
            Some('\u{a0}')
        );
        assert_eq!(Style::of("In 2015, 12 000 and 3,000.").group, Some(','));
        assert_eq!(Style::of("It had 48210 in 2015.").group, None);
        assert_eq!(Style::of("It had 800 in 2015.").group, Some(','));
    }

    #[test]
    fn edits_apply_from_the_end_and_leave_the_rest_alone() {
        let src = "a 12 b 1,050 c\n";
        let edits = [
            Edit {
                start: 2,
                end: 4,
                old: "12".into(),
                new: "1,200".into(),
            },
            Edit {
                start: 7,
                end: 12,
                old: "1,050".into(),
                new: "980".into(),
            },
        ];
        assert_eq!(apply(src, &edits), "a 1,200 b 980 c\n");
        // An edit whose bytes moved is skipped.
        let stale = [Edit {
            start: 0,
            end: 2,
            old: "12".into(),
            new: "13".into(),
        }];
        assert_eq!(apply(src, &stale), src);
    }

    #[test]
    fn the_diff_shows_each_changed_line_with_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\nlast";
        let new = "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\nLAST";
        let d = unified_diff("a.md", old, new);
        assert_eq!(
            d,
            "--- a.md\n+++ a.md\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n\
             @@ -8,4 +8,4 @@\n 8\n 9\n 10\n-last\n\\ No newline at end of file\n\
             +LAST\n\\ No newline at end of file\n"
        );
        assert_eq!(unified_diff("a.md", old, old), "");
    }
}
