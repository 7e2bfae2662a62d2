//! The nom grammar of one quantity, tried at a candidate position of the text.
//!
//! Parsers take the text from the candidate position to the end of the text and return what they
//! consumed. Composition of spelled-out numbers ("twenty-one thousand three hundred") is a fold
//! over atoms with a small state machine, so that "3 hundred and 2 hundred" stays two numbers.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while1};
use nom::character::complete::{char, digit1, one_of};
use nom::combinator::{opt, recognize};
use nom::sequence::pair;
use nom::{IResult, Parser};

use super::words::{self, HedgeMeaning, EXACT_HEDGES, HEDGES};
use super::Kind;
use crate::units::{lexicon, Dimension, Join, Unit};

/// A quantity parsed at one position, before it is placed in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Parsed {
    /// Bytes consumed from the candidate position.
    pub len: usize,
    pub kind: Kind,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// Byte length of the hedge at the start of the quantity, if any.
    pub hedge_len: Option<usize>,
    pub unit: Option<&'static str>,
    /// The unit a rate is per ("gal" in "$5 a gallon").
    pub per: Option<&'static str>,
    pub precision: Option<f64>,
}

/// An amount: a number with its unit, before hedges and ranges.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Amount {
    value: f64,
    kind: Kind,
    unit: Option<&'static str>,
    per: Option<&'static str>,
    precision: Option<f64>,
    /// Written only in digits, with no scale, sign, unit or separators ("2015").
    bare_integer_digits: usize,
    /// The largest scale applied ("million" → 1e6), 1 when none.
    scale: f64,
    spelled: bool,
    /// Ends in a digit, so a unit symbol may be glued to it ("512GB", not "fiveGB").
    glueable: bool,
}

type Res<'a, T> = IResult<&'a str, T>;

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// Whitespace between words: spaces, and at most one line break (a soft wrap).
fn ws(i: &str) -> Res<'_, &str> {
    recognize((
        take_while(is_space),
        opt(pair(opt(char('\r')), char('\n'))),
        take_while(is_space),
    ))
    .parse(i)
    .and_then(|(rest, s)| {
        if s.is_empty() {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Space,
            )))
        } else {
            Ok((rest, s))
        }
    })
}

/// A word of letters (ASCII or not), with no trailing boundary check needed: the run stops at
/// the first non-letter.
fn word(i: &str) -> Res<'_, &str> {
    take_while1(|c: char| c.is_alphabetic())(i)
}

/// Matches one word, lowercased, that `f` accepts.
fn word_where<'a, T>(i: &'a str, f: impl Fn(&str) -> Option<T>) -> Res<'a, T> {
    let (rest, w) = word(i)?;
    let mut buf = [0u8; 24];
    match words::ascii_lower(w, &mut buf).and_then(f) {
        Some(t) => Ok((rest, t)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Tag,
        ))),
    }
}

/// A case-insensitive keyword ending at a word boundary.
fn kw<'a>(k: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| {
        // ASCII case folding on bytes: keywords are ASCII or symbols, and this runs at every
        // candidate position.
        let matched = i
            .as_bytes()
            .get(..k.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(k.as_bytes()))
            && i.is_char_boundary(k.len());
        if !matched {
            return fail(i);
        }
        let (m, rest) = i.split_at(k.len());
        let ends_in_letter = k.chars().last().is_some_and(|c| c.is_alphanumeric());
        if ends_in_letter && rest.chars().next().is_some_and(|c| c.is_alphanumeric()) {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )));
        }
        Ok((rest, m))
    }
}

fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

fn consumed(from: &str, rest: &str) -> usize {
    from.len() - rest.len()
}

// ---------------------------------------------------------------------------------------------
// Digits

/// A number in digits: `2,920` `1.5` `.5` `10 000` `1.3e6` `1.3x10^6`.
/// Returns the value, the count of printed decimals, and whether it is a bare integer.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Digits {
    value: f64,
    decimals: usize,
    int_digits: usize,
    grouped: bool,
    exponent: bool,
}

fn group_sep(i: &str) -> Res<'_, char> {
    one_of(",\u{a0}\u{2009}\u{202f} ").parse(i)
}

fn three_digits(i: &str) -> Res<'_, &str> {
    let (rest, d) = digit1(i)?;
    if d.len() == 3 {
        Ok((rest, d))
    } else {
        fail(i)
    }
}

fn two_digits(i: &str) -> Res<'_, &str> {
    let (rest, d) = digit1(i)?;
    if d.len() == 2 {
        Ok((rest, d))
    } else {
        fail(i)
    }
}

fn digits(i: &str) -> Res<'_, Digits> {
    // Integer part: grouped thousands, or a plain run of digits, or nothing before ".5".
    let (rest, int_text) = alt((
        // Indian grouping: "12,34,567"
        recognize((
            take_while_m_n_digits(1, 2),
            nom::multi::many1(pair(char(','), two_digits)),
            char(','),
            three_digits,
        )),
        recognize(pair(
            take_while_m_n_digits(1, 3),
            nom::multi::many1(pair(group_sep, three_digits)),
        )),
        digit1,
        tag(""),
    ))
    .parse(i)?;
    // A grouped number must use one separator throughout ("1, 234" is not a number).
    let grouped = int_text.len() > 3 && !int_text.bytes().all(|b| b.is_ascii_digit());
    if grouped && !consistent_groups(int_text) {
        return digits_plain(i);
    }
    let (rest, frac) = opt(pair(char('.'), digit1)).parse(rest)?;
    if int_text.is_empty() && frac.is_none() {
        return fail(i);
    }
    let mut text: String = int_text.chars().filter(|c| c.is_ascii_digit()).collect();
    let int_digits = text.len();
    let decimals = frac.map_or(0, |(_, d)| d.len());
    if let Some((_, d)) = frac {
        text.push('.');
        text.push_str(d);
    }
    let mut value: f64 = text.parse().unwrap_or(0.0);
    // Scientific notation: 1.3e6, 12.32e+14, 1.3x10^6.
    let (rest, exp) = opt(alt((
        recognize((one_of("eE"), opt(one_of("+-")), digit1)),
        recognize((one_of("x×"), tag("10^"), opt(one_of("+-")), digit1)),
    )))
    .parse(rest)?;
    let mut exponent = exp.is_some();
    if let Some(e) = exp {
        // "1.3e6" → "6"; "1.3x10^-4" → "-4"
        let power_text = e.rsplit_once('^').map_or(&e[1..], |(_, p)| p);
        let power = power_text
            .trim_start_matches('+')
            .parse::<i32>()
            .map(|p| p.clamp(-300, 300))
            .unwrap_or(0);
        value *= 10f64.powi(power);
    }
    // A power: "1.1^23", "2.5^-1", "1.1^--23" (a doubled sign cancels out).
    let mut rest = rest;
    if exp.is_none() {
        if let Ok((r, (_, signs, p))) = (
            char::<&str, nom::error::Error<&str>>('^'),
            take_while_m_n_signs,
            digit1,
        )
            .parse(rest)
        {
            if !r.starts_with(|c: char| c.is_alphanumeric()) && p.len() <= 3 {
                let negative = signs.bytes().filter(|b| *b == b'-').count() % 2 == 1;
                let p: i32 = p.parse().unwrap_or(0);
                value = value.powi(if negative { -p } else { p });
                exponent = true;
                rest = r;
            }
        }
    }
    Ok((
        rest,
        Digits {
            value,
            decimals,
            int_digits,
            grouped,
            exponent,
        },
    ))
}

fn take_while_m_n_signs(i: &str) -> Res<'_, &str> {
    nom::bytes::complete::take_while_m_n(0, 2, |c: char| c == '+' || c == '-')(i)
}

fn digits_plain(i: &str) -> Res<'_, Digits> {
    let (rest, d) = digit1(i)?;
    Ok((
        rest,
        Digits {
            value: d.parse().unwrap_or(0.0),
            decimals: 0,
            int_digits: d.len(),
            grouped: false,
            exponent: false,
        },
    ))
}

fn take_while_m_n_digits(m: usize, n: usize) -> impl Fn(&str) -> Res<'_, &str> {
    move |i: &str| nom::bytes::complete::take_while_m_n(m, n, |c: char| c.is_ascii_digit())(i)
}

fn consistent_groups(int_text: &str) -> bool {
    let mut seps = int_text.chars().filter(|c| !c.is_ascii_digit());
    match seps.next() {
        Some(first) => seps.all(|c| c == first),
        None => true,
    }
}

// ---------------------------------------------------------------------------------------------
// Spelled-out numbers and mixed forms ("4 thousand 3 hundred and 21")

#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    Digits(Digits),
    /// zero..nineteen
    Unit(f64),
    /// twenty..ninety, possibly with a unit joined ("twenty-one" = Tens(21)).
    Tens(f64, bool),
    Hundred,
    Scale(f64),
    Dozen,
    /// "a" or "an" standing for one before a scale ("a million", "a dozen").
    A,
    And,
}

fn tens_unit(i: &str) -> Res<'_, Atom> {
    let (rest, t) = word_where(i, words::tens)?;
    // "twenty-one", "fifty - two", "fifty   two"
    let joined = |j| -> Res<'_, f64> {
        let (j, _) = alt((
            recognize((opt(ws), alt((char('-'), char('‑'))), opt(ws))),
            ws,
        ))
        .parse(j)?;
        word_where(j, |w| {
            words::cardinal(w).filter(|v| (1.0..10.0).contains(v))
        })
    };
    match joined(rest) {
        Ok((rest2, u)) => Ok((rest2, Atom::Tens(t + u, true))),
        Err(_) => Ok((rest, Atom::Tens(t, false))),
    }
}

fn atom(i: &str) -> Res<'_, Atom> {
    alt((
        |i| digits(i).map(|(r, d)| (r, Atom::Digits(d))),
        tens_unit,
        |i| word_where(i, words::cardinal).map(|(r, v)| (r, Atom::Unit(v))),
        |i| {
            word_where(i, |w| matches!(w, "hundred" | "hundreds").then_some(()))
                .map(|(r, _)| (r, Atom::Hundred))
        },
        |i| {
            // "three lakh crore": a lakh of crores
            let (r, _) = (kw("lakh"), ws, alt((kw("crore"), kw("crores")))).parse(i)?;
            Ok((r, Atom::Scale(1e12)))
        },
        |i| {
            word_where(i, |w| words::scale_word(w.strip_suffix('s').unwrap_or(w)))
                .map(|(r, s)| (r, Atom::Scale(s)))
        },
        |i| {
            word_where(i, |w| {
                matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs").then_some(())
            })
            .map(|(r, _)| (r, Atom::Dozen))
        },
        |i| word_where(i, |w| matches!(w, "a").then_some(())).map(|(r, _)| (r, Atom::A)),
        |i| word_where(i, |w| (w == "and").then_some(())).map(|(r, _)| (r, Atom::And)),
    ))
    .parse(i)
}

/// The running sum of a spelled-out number.
#[derive(Debug, Clone, Copy)]
struct Acc {
    total: f64,
    /// The group below the last big scale (0..999 normally).
    group: f64,
    /// The smallest big scale used so far (thousand and up); new scales must be smaller.
    last_scale: f64,
    hundred_in_group: bool,
    /// What the last atom was, to decide what may follow.
    last: Last,
    decimals: usize,
    had_decimal_digits: bool,
    spelled: bool,
    max_scale: f64,
    atoms: usize,
    /// The group as it stood at the last "and": "three hundred and two dozen" takes the dozen
    /// of the two only.
    and_mark: f64,
    /// Started with a bare "hundred" ("hundred thousand dollars"), which needs a scale after.
    bare_hundred: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Start,
    A,
    Digits,
    Unit,
    Tens { joined: bool },
    Hundred,
    Scale,
    Dozen,
    And,
}

impl Acc {
    fn new() -> Acc {
        Acc {
            total: 0.0,
            group: 0.0,
            last_scale: f64::INFINITY,
            hundred_in_group: false,
            last: Last::Start,
            decimals: 0,
            had_decimal_digits: false,
            spelled: false,
            max_scale: 1.0,
            atoms: 0,
            and_mark: 0.0,
            bare_hundred: false,
        }
    }

    fn value(&self) -> f64 {
        self.total + self.group
    }

    /// Adds an atom, or says it cannot follow.
    fn push(&mut self, atom: Atom) -> bool {
        let ok = match atom {
            Atom::Digits(d) => {
                let fits = match self.last {
                    Last::Start => true,
                    Last::Scale | Last::And => {
                        d.value < self.last_scale.min(1e3) && d.decimals == 0
                    }
                    Last::Hundred => false,
                    _ => false,
                };
                if fits {
                    if self.last == Last::And && self.group >= 100.0 && d.value >= 100.0 {
                        return false;
                    }
                    // "4 thousand 3 hundred and 0 are two numbers": nobody adds "and 0".
                    if self.last == Last::And && d.value == 0.0 {
                        return false;
                    }
                    self.group += d.value;
                    self.decimals = d.decimals;
                    self.had_decimal_digits |= d.decimals > 0 || d.exponent;
                    self.last = Last::Digits;
                }
                fits
            }
            Atom::Unit(v) => {
                let fits = match self.last {
                    Last::Start | Last::Scale => true,
                    Last::Hundred => true,
                    Last::And => self.group % 100.0 == 0.0 || self.last_scale.is_finite(),
                    Last::Tens { joined: false } => v > 0.0 && v < 10.0,
                    _ => false,
                };
                if fits {
                    self.group += v;
                    self.spelled = true;
                    self.last = Last::Unit;
                }
                fits
            }
            Atom::Tens(v, joined) => {
                let fits = matches!(self.last, Last::Start | Last::Scale | Last::Hundred)
                    || (self.last == Last::And && self.group % 100.0 == 0.0);
                if fits {
                    self.group += v;
                    self.spelled = true;
                    self.last = Last::Tens { joined };
                }
                fits
            }
            Atom::Hundred => {
                let bare = self.last == Last::Start;
                let fits = !self.hundred_in_group
                    && match self.last {
                        Last::A | Last::Start => true,
                        Last::Unit | Last::Tens { .. } => self.group > 0.0 && self.group < 100.0,
                        Last::Digits => self.group > 0.0,
                        _ => false,
                    };
                if fits {
                    self.bare_hundred |= bare;
                    self.group = self.group.max(1.0) * 100.0;
                    self.hundred_in_group = true;
                    self.max_scale = self.max_scale.max(100.0);
                    self.spelled = true;
                    self.last = Last::Hundred;
                }
                fits
            }
            Atom::Scale(s) => {
                let fits = s < self.last_scale
                    && match self.last {
                        Last::A => true,
                        Last::Unit | Last::Tens { .. } | Last::Hundred | Last::Digits => {
                            self.group > 0.0
                        }
                        _ => false,
                    };
                if fits {
                    self.total += self.group.max(if self.last == Last::A { 1.0 } else { 0.0 }) * s;
                    self.group = 0.0;
                    self.and_mark = 0.0;
                    self.hundred_in_group = false;
                    self.last_scale = s;
                    self.max_scale = self.max_scale.max(s);
                    self.last = Last::Scale;
                }
                fits
            }
            Atom::Dozen => {
                let fits = match self.last {
                    Last::A => true,
                    Last::Unit | Last::Tens { .. } | Last::Hundred | Last::Digits => {
                        self.group > 0.0
                    }
                    _ => false,
                };
                if fits {
                    let mark = self.and_mark.min(self.group);
                    self.group = mark + (self.group - mark).max(1.0) * 12.0;
                    self.last = Last::Dozen;
                }
                fits
            }
            Atom::A => {
                let fits = self.last == Last::Start;
                if fits {
                    self.last = Last::A;
                }
                fits
            }
            Atom::And => {
                let fits = matches!(self.last, Last::Hundred | Last::Scale);
                if fits {
                    self.and_mark = self.group;
                    self.last = Last::And;
                }
                fits
            }
        };
        if ok {
            self.atoms += 1;
        }
        ok
    }

    /// Whether the number may end here.
    fn complete(&self) -> bool {
        !matches!(self.last, Last::Start | Last::A | Last::And)
            && (!self.bare_hundred || self.last_scale.is_finite())
    }
}

/// A number made of digits and number words: `2,920`, `3.5 million`, `twenty-one thousand three
/// hundred`, `4 thousand 3 hundred and 21`, `a dozen`, `322 hundred`.
fn number_phrase(i: &str) -> Res<'_, (Acc, Option<Digits>)> {
    number_phrase_with(i, true)
}

/// `number_phrase`; `fractions` stops the number before "and a half" (off for the numerator of
/// a fraction, so that the grammar never recurses into itself).
fn number_phrase_with(i: &str, fractions: bool) -> Res<'_, (Acc, Option<Digits>)> {
    let mut acc = Acc::new();
    let mut rest = i;
    let mut end = i; // rest after the last atom that left the number complete
    let mut end_acc = acc;
    let mut first_digits = None;
    // Snapshots before each "and", to back out of "3 hundred and 2 hundred".
    let mut before_and: Option<(&str, Acc)> = None;
    loop {
        let start = if acc.atoms == 0 {
            rest
        } else {
            match ws(rest) {
                Ok((r, _)) => r,
                Err(_) => break,
            }
        };
        let Ok((after, a)) = atom(start) else { break };
        // "two million and one half": the "and" starts a fraction, not more of the number.
        if fractions && a == Atom::And && and_fraction(rest).is_ok() {
            break;
        }
        if acc.atoms > 0
            && matches!(a, Atom::Digits(_))
            && !matches!(acc.last, Last::Scale | Last::And)
        {
            break;
        }
        if acc.atoms == 0 {
            if let Atom::Digits(d) = a {
                first_digits = Some(d);
            }
        }
        let snapshot = acc;
        if !acc.push(a) {
            // A scale word that cannot follow "… and 2": the "and" did not belong to us.
            if let (Some((r, saved)), Atom::Hundred | Atom::Scale(_) | Atom::Dozen) =
                (before_and, a)
            {
                if snapshot.atoms >= 2 {
                    end = r;
                    end_acc = saved;
                }
            }
            break;
        }
        if a == Atom::And {
            before_and = Some((rest, snapshot));
        }
        // After digits, a scale suffix may follow right away: "20k", "1.2bn", "2.33 k".
        rest = after;
        if acc.complete() {
            end = rest;
            end_acc = acc;
        }
    }
    if !end_acc.complete() || end_acc.atoms == 0 {
        return fail(i);
    }
    Ok((end, (end_acc, first_digits)))
}

/// Decimal words after "point": "two hundred point zero three", "five point five".
fn point_decimals(i: &str) -> Res<'_, (f64, usize)> {
    let (rest, _) = (ws, kw("point"), ws).parse(i)?;
    let mut digits = String::new();
    let mut r = rest;
    loop {
        let start = if digits.is_empty() {
            r
        } else {
            match ws(r) {
                Ok((x, _)) => x,
                Err(_) => break,
            }
        };
        if let Ok((x, Atom::Tens(v, _))) = tens_unit(start) {
            digits.push_str(&format!("{}", v as u32));
            r = x;
            continue;
        }
        match word_where(start, words::cardinal) {
            Ok((x, v)) if v < 20.0 => {
                digits.push_str(&format!("{}", v as u32));
                r = x;
            }
            _ => break,
        }
    }
    if digits.is_empty() {
        return fail(i);
    }
    let value: f64 = format!("0.{digits}").parse().unwrap_or(0.0);
    Ok((r, (value, digits.len())))
}

/// Fraction words after a whole number: "and a half", "and three quarters", "and two thirds".
fn and_fraction(i: &str) -> Res<'_, f64> {
    let (rest, _) = (ws, kw("and"), ws).parse(i)?;
    let (rest, f) = simple_fraction_with(rest, true)?;
    if f >= 1.0 {
        return fail(i);
    }
    Ok((rest, f))
}

/// "a third", "one fifth", "two-thirds", "three quarters", "a half", "twenty-three fifths",
/// "one twenty-fifth", "a hundred trillionths", "five - eighths". The numerator is spelled;
/// the denominator agrees with it (singular after one, plural after more).
fn simple_fraction(i: &str) -> Res<'_, f64> {
    simple_fraction_with(i, false)
}

/// `simple_fraction`; `nested` when reading the fraction of a mixed number, whose numerator
/// then never looks for a fraction of its own (the grammar recurses at most once).
fn simple_fraction_with(i: &str, nested: bool) -> Res<'_, f64> {
    // A spelled fraction starts with a letter ("a third", "two-thirds").
    if !i.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return fail(i);
    }
    let numerator = |j| -> Res<'_, f64> {
        alt((
            |j| {
                let (r, (acc, first)) = number_phrase_with(j, !nested)?;
                if first.is_some() || !acc.spelled {
                    return fail(j);
                }
                Ok((r, acc.value()))
            },
            |j| word_where(j, |w| matches!(w, "a" | "an").then_some(1.0)),
        ))
        .parse(j)
    };
    let (rest, n) = numerator(i)?;
    let article = i.get(..1).is_some_and(|a| a.eq_ignore_ascii_case("a"))
        && (i[1..].starts_with(is_space) || i[1..].starts_with(['n', 'N']));
    let (rest, _) = alt((
        recognize((
            take_while1(is_space),
            one_of("-\u{2011}"),
            take_while1(is_space),
        )),
        ws,
        tag("-"),
        tag("\u{2011}"),
    ))
    .parse(rest)?;
    let (rest, (d, plural)) = denominator_word(rest)?;
    // "a twenty-first century": after "a", a compound ordinal is a rank, not a fraction.
    if article && n == 1.0 && d > 20.0 && d % 10.0 != 0.0 && d < 100.0 {
        return fail(i);
    }
    if n <= 0.0 || (n == 1.0) == plural {
        return fail(i);
    }
    // "a fifth-century church": the ordinal belongs to a compound word.
    if rest.starts_with('-') {
        return fail(i);
    }
    Ok((rest, n / d))
}

/// A denominator and whether it is plural: "fifths", "quarter", "twenty-fifth",
/// "twenty firsts", "trillionths".
fn denominator_word(i: &str) -> Res<'_, (f64, bool)> {
    let plural_of = |w: &str| w.ends_with('s');
    if let Ok((r, t)) = word_where(i, words::tens) {
        let compound = alt((
            |j| {
                let (j, _) = alt((tag("-"), tag("\u{2011}"))).parse(j)?;
                word_where(j, |w| {
                    let single = w.strip_suffix('s').unwrap_or(w);
                    words::ordinal_unit(single)
                        .filter(|v| *v < 10.0)
                        .map(|v| (v, plural_of(w)))
                })
            },
            |j| {
                let (j, _) = ws(j)?;
                word_where(j, |w| {
                    let single = w.strip_suffix('s').unwrap_or(w);
                    words::ordinal_unit(single)
                        .filter(|v| *v < 10.0 && single != "second")
                        .map(|v| (v, plural_of(w)))
                })
            },
        ))
        .parse(r);
        if let Ok((r2, (u, plural))) = compound {
            return Ok((r2, (t + u, plural)));
        }
    }
    word_where(i, |w| words::denominator(w).map(|d| (d, plural_of(w))))
}

// ---------------------------------------------------------------------------------------------
// Amounts with units

fn currency_prefix(i: &str) -> Res<'_, &'static str> {
    let (rest, code) = alt((
        |j| tag("US$")(j).map(|(r, _)| (r, "USD")),
        |j| tag("U.S.$")(j).map(|(r, _)| (r, "USD")),
        |j| tag("A$")(j).map(|(r, _)| (r, "AUD")),
        |j| tag("C$")(j).map(|(r, _)| (r, "CAD")),
        |j| tag("HK$")(j).map(|(r, _)| (r, "HKD")),
        |j| tag("$")(j).map(|(r, _)| (r, "USD")),
        |j| tag("€")(j).map(|(r, _)| (r, "EUR")),
        |j| tag("£")(j).map(|(r, _)| (r, "GBP")),
        |j| tag("¥")(j).map(|(r, _)| (r, "JPY")),
        |j| tag("₹")(j).map(|(r, _)| (r, "INR")),
        |j| {
            let (r, c) = alt((
                tag("USD"),
                tag("EUR"),
                tag("GBP"),
                tag("JPY"),
                tag("CNY"),
                tag("INR"),
            ))
            .parse(j)?;
            let (r, _) = ws(r)?;
            Ok((r, code_static(c)))
        },
    ))
    .parse(i)?;
    // A stray second sign is tolerated: "$$62,000".
    let (rest, _) = opt(one_of("$€£")).parse(rest)?;
    let (rest, _) = take_while(is_space)(rest)?;
    Ok((rest, code))
}

fn code_static(c: &str) -> &'static str {
    match c {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" => "CNY",
        _ => "INR",
    }
}

/// A scale written after digits: "20k", "1.2bn", "$4m", "2.33 k", "10 bln".
fn scale_suffix(i: &str, after_currency: bool) -> Res<'_, f64> {
    let (rest, _) = take_while(is_space)(i)?;
    let spaced = rest.len() != i.len();
    let (rest, w) = take_while1(|c: char| c.is_ascii_alphabetic())(rest)?;
    // A single-letter suffix must be attached ("20k"), except k ("2.33 k").
    if spaced && w.len() == 1 && !matches!(w, "k" | "G" | "M" | "T") {
        return fail(i);
    }
    // "1,674.5 G": spaced, G is giga; glued, "4G" is a name and "30g" grams.
    if spaced && w == "G" {
        return Ok((rest, 1e9));
    }
    match words::scale_suffix(w, after_currency) {
        Some(s) => Ok((rest, s)),
        None => fail(i),
    }
}

/// The place value of the last printed significant digit.
fn precision_of(value: f64, decimals: usize, scale: f64) -> f64 {
    if decimals > 0 {
        return 10f64.powi(-(decimals.min(15) as i32)) * scale;
    }
    let mut p: f64 = 1.0;
    let mut v = value.abs().round();
    // Below a hundred a number is read as exact: "10 golds" is ten, not five to fifteen.
    if !(100.0..=1e18).contains(&v) {
        return scale.max(1.0);
    }
    while v % 10.0 == 0.0 && v >= 10.0 {
        v /= 10.0;
        p *= 10.0;
    }
    p.max(scale.min(p))
}

/// A number with its optional scale, sign, currency and percent sign.
fn amount(i: &str) -> Res<'_, Amount> {
    let (rest, currency) = opt(currency_prefix).parse(i)?;
    let (rest, sign) = opt(alt((
        recognize(pair(one_of("-−"), take_while(is_space))),
        recognize(pair(alt((kw("minus"), kw("negative"))), ws)),
    )))
    .parse(rest)?;
    let negative = sign.is_some();

    // Special words that stand for a number on their own.
    if let Ok((r, v)) = special_number(rest) {
        let a = Amount {
            value: if negative { -v } else { v },
            kind: Kind::Number,
            unit: currency,
            per: None,
            precision: None,
            bare_integer_digits: 0,
            scale: 1.0,
            spelled: true,
            glueable: false,
        };
        return with_unit(r, a, currency.is_some());
    }

    let (r, (acc, first_digits)) = number_phrase(rest)?;
    let mut value = acc.value();
    let mut decimals = acc.decimals;
    let mut scale = acc.max_scale;
    let mut rest = r;

    if let Ok((r2, (d, n))) = point_decimals(rest) {
        if acc.spelled && acc.last_scale.is_infinite() {
            value += d;
            decimals = n;
            rest = r2;
        }
    }
    let mut fraction_part = false;
    // The fraction of "one billion and a half": set apart until we know whether a smaller
    // scale follows ("one billion and a half million" is 1,000,500,000).
    let mut pending_fraction = None;
    if let Ok((r2, f)) = and_fraction(rest) {
        if acc.last_scale.is_finite() && acc.group == 0.0 {
            pending_fraction = Some(f);
        } else {
            value += f;
        }
        fraction_part = true;
        rest = r2;
    }
    // Digits followed by scale words or suffixes: "3.5 million", "20k", "1.2bn".
    let single_digits = acc.atoms == 1 && first_digits.is_some();
    if single_digits || fraction_part {
        if let Ok((r2, s)) = scale_suffix(rest, currency.is_some()) {
            value *= s;
            scale = scale.max(s);
            rest = r2;
        } else if let Some(r2) = glued_million(rest).filter(|_| currency.is_none()) {
            value *= 1e6;
            scale = scale.max(1e6);
            rest = r2;
        } else if let Ok((r2, s)) = (ws, |j| word_where(j, words::scale_word))
            .parse(rest)
            .map(|(r, (_, s))| (r, s))
        {
            if let Some(f) = pending_fraction.filter(|_| s < acc.last_scale) {
                value += f * s;
                pending_fraction = None;
                rest = r2;
            } else if fraction_part || acc.had_decimal_digits {
                value *= s;
                scale = scale.max(s);
                rest = r2;
            }
        }
    }
    if let Some(f) = pending_fraction {
        // "3 million and a half": a half of the last scale.
        value += f * acc.last_scale;
    }
    let mut bare = 0;
    if let Some(d) = first_digits {
        if single_digits
            && !d.grouped
            && d.decimals == 0
            && !d.exponent
            && scale == 1.0
            && currency.is_none()
            && !negative
        {
            bare = d.int_digits;
        }
    }
    if negative {
        value = -value;
    }
    let spelled = acc.spelled;
    let precision = Some(precision_of(
        value,
        decimals,
        if decimals > 0 { scale } else { 1.0 },
    ));
    let a = Amount {
        value,
        kind: if currency.is_some() {
            Kind::Money
        } else {
            Kind::Number
        },
        unit: currency,
        per: None,
        precision,
        bare_integer_digits: bare,
        scale,
        spelled,
        glueable: i[..consumed(i, rest)]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit()),
    };
    with_unit(rest, a, currency.is_some())
}

/// "1.5m people", "7m tonnes": a glued "m" with no currency is millions when a plural noun or
/// a unit follows it; otherwise it is metres ("the 100m final", "a 2m wall").
fn glued_million(i: &str) -> Option<&str> {
    let r = i.strip_prefix('m')?;
    if r.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let after = r.strip_prefix(' ')?;
    let len = after.bytes().take_while(u8::is_ascii_alphabetic).count();
    let w = &after[..len];
    let plural = len > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && w.bytes().all(|b| b.is_ascii_lowercase());
    let people = matches!(w, "people" | "children" | "men" | "women");
    let unit = len > 0 && lexicon().read(after, Join::Spaced).is_some();
    (plural || people || unit).then_some(r)
}

/// "half a dozen", "a couple of", "half a million", "a quarter million".
fn special_number(i: &str) -> Res<'_, f64> {
    alt((
        |j| {
            let (r, _) = (kw("half"), ws, kw("a"), ws, kw("dozen")).parse(j)?;
            Ok((r, 6.0))
        },
        |j| {
            let (r, _) = (kw("a"), ws, kw("couple"), ws, kw("of")).parse(j)?;
            Ok((r, 2.0))
        },
        |j| {
            let (r, (f, _, _, s)) = (
                alt((
                    |k| kw("half")(k).map(|(r, _)| (r, 0.5)),
                    |k| kw("quarter")(k).map(|(r, _)| (r, 0.25)),
                    |k| {
                        (kw("a"), ws, kw("quarter"))
                            .parse(k)
                            .map(|(r, _)| (r, 0.25))
                    },
                )),
                ws,
                opt(pair(kw("a"), ws)),
                |k| word_where(k, |w| words::scale_word(w).filter(|s| *s >= 1e3)),
            )
                .parse(j)?;
            Ok((r, f * s))
        },
    ))
    .parse(i)
}

/// Units after the amount: percent, percentage points, currency words.
fn with_unit(i: &str, mut a: Amount, has_currency: bool) -> Res<'_, Amount> {
    if !has_currency {
        // 40%, 40 %, 40 percent, 40 per cent, 40 percentage points
        if let Ok((r, _)) = (opt(ws), tag("%")).parse(i) {
            a.kind = Kind::Percent;
            a.unit = Some("%");
            a.bare_integer_digits = 0;
            return Ok((r, percent_precision(a)));
        }
        if let Ok((r, _)) = (
            ws,
            alt((kw("percentage"), kw("pct"))),
            ws,
            alt((kw("points"), kw("point"))),
        )
            .parse(i)
        {
            a.kind = Kind::PercentagePoints;
            a.unit = Some("pp");
            a.bare_integer_digits = 0;
            return Ok((r, percent_precision(a)));
        }
        if let Ok((r, _)) = (
            ws,
            alt((
                recognize((kw("per"), ws, kw("cent"))),
                kw("percent"),
                kw("percents"),
                kw("percentage"),
                kw("pct"),
            )),
        )
            .parse(i)
        {
            a.kind = Kind::Percent;
            a.unit = Some("%");
            a.bare_integer_digits = 0;
            return Ok((r, percent_precision(a)));
        }
        if let Some((r, unit)) = unit_after(i, &a) {
            match unit.dimension {
                Dimension::Currency => a.kind = Kind::Money,
                Dimension::Percent if unit.code == "pp" => a.kind = Kind::PercentagePoints,
                Dimension::Percent => a.kind = Kind::Percent,
                _ => {}
            }
            a.unit = Some(unit.code);
            a.bare_integer_digits = 0;
            let (r, per) = rate_after(r, unit);
            a.per = per;
            let a = if unit.dimension == Dimension::Percent {
                percent_precision(a)
            } else {
                a
            };
            return Ok((r, a));
        }
        return Ok((i, a));
    }
    // "$5 a gallon", "$15 an hour"
    let (r, per) = match a.unit.and_then(|c| lexicon().get(c)) {
        Some(unit) => rate_after(i, unit),
        None => (i, None),
    };
    a.per = per;
    Ok((r, a))
}

/// The unit of measure right after an amount: glued ("512GB", "85p"), hyphenated ("12-km",
/// "three-year") or after a space ("12 km", "40 kilometres", "5 million dollars").
fn unit_after<'a>(i: &'a str, a: &Amount) -> Option<(&'a str, &'static Unit)> {
    let first = i.chars().next()?;
    let (join, rest) = if first == '-' || first == '\u{2011}' {
        (Join::Hyphen, &i[first.len_utf8()..])
    } else if is_space(first) {
        let n = i.len() - i.trim_start_matches(is_space).len();
        (Join::Spaced, &i[n..])
    } else {
        (Join::Glued, i)
    };
    if join == Join::Glued && !a.glueable {
        return None;
    }
    let (len, unit) = lexicon().read(rest, join)?;
    // "a 120-pound capsule" is a weight; money is not hyphenated to its number.
    if join == Join::Hyphen && unit.dimension == Dimension::Currency {
        return (unit.code == "GBP" && rest[..len].eq_ignore_ascii_case("pound"))
            .then(|| Some((&rest[len..], lexicon().get("lb")?)))
            .flatten();
    }
    // "12,245.9 km 2", "500 m 2": a flattened superscript squares a length.
    let after = &rest[len..];
    if unit.dimension == Dimension::Length {
        if let Some(tail) = after.strip_prefix(" 2") {
            let mut next = tail.chars();
            let decimal = matches!(next.next(), Some('.' | ','))
                && next.next().is_some_and(|c| c.is_ascii_digit());
            if !decimal && !tail.starts_with(|c: char| c.is_alphanumeric()) {
                if let Some(area) = lexicon().get(&format!("{}2", unit.code)) {
                    return Some((tail, area));
                }
            }
        }
    }
    Some((after, unit))
}

/// "per hour", "a day", "an hour", "/kWh" after a unit: the unit a rate is per. Money per
/// year is left a plain amount: annual figures are what tables hold.
fn rate_after<'a>(i: &'a str, unit: &Unit) -> (&'a str, Option<&'static str>) {
    let per = |j: &'a str| -> Option<(&'a str, &'static Unit)> {
        let (r, join) = if let Some(r) = j.strip_prefix('/') {
            (r, Join::Glued)
        } else if let Ok((r, _)) =
            (tag("-"), alt((kw("per"), kw("a"), kw("an"))), tag("-")).parse(j)
        {
            // "$85bn-a-month"
            (r, Join::Spaced)
        } else {
            let (r, _) = (ws, alt((kw("per"), kw("a"), kw("an"))), ws)
                .parse(j)
                .ok()?;
            (r, Join::Spaced)
        };
        let (len, u) = lexicon().read(r, join)?;
        Some((&r[len..], u))
    };
    match per(i) {
        Some((r, p))
            if matches!(
                p.dimension,
                Dimension::Time
                    | Dimension::Volume
                    | Dimension::Mass
                    | Dimension::Length
                    | Dimension::Area
                    | Dimension::Energy
                    | Dimension::Data
            ) && !(unit.dimension == Dimension::Currency && p.code == "year")
                && p.code != unit.code =>
        {
            (r, Some(p.code))
        }
        _ => (i, None),
    }
}

/// A percentage is read to its printed decimals: "40%" means 40 to the nearest point, not to
/// the nearest ten, since percentages are rarely rounded to tens.
fn percent_precision(mut a: Amount) -> Amount {
    if let Some(p) = a.precision {
        if p >= 1.0 {
            a.precision = Some(1.0);
        }
    }
    a
}

// ---------------------------------------------------------------------------------------------
// Ordinals, fractions, multiples

fn ordinal(i: &str) -> Res<'_, (f64, usize)> {
    alt((numbered, digit_ordinal, word_ordinal, top_n)).parse(i)
}

/// "No. 1", "#1".
fn numbered(j: &str) -> Res<'_, (f64, usize)> {
    let (r, _) = alt((
        recognize((tag("No."), take_while(is_space))),
        recognize((tag("no."), take_while(is_space))),
        tag("#"),
    ))
    .parse(j)?;
    let (r, d) = digit1(r)?;
    Ok((r, (d.parse::<f64>().unwrap_or(0.0), 0)))
}

/// "3rd", "21st", "11th": the suffix must agree with the number.
fn digit_ordinal(j: &str) -> Res<'_, (f64, usize)> {
    let (r, d) = digit1(j)?;
    let (r, suffix) = alt((
        tag_no_case("st"),
        tag_no_case("nd"),
        tag_no_case("rd"),
        tag_no_case("th"),
    ))
    .parse(r)?;
    if r.chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return fail(j);
    }
    let n: f64 = d.parse().unwrap_or(0.0);
    let whole = n as u64;
    let expected = match (whole % 100, whole % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    if !suffix.eq_ignore_ascii_case(expected) {
        return fail(j);
    }
    Ok((r, (n, 0)))
}

/// "top five", "top 10", "top-three".
fn top_n(j: &str) -> Res<'_, (f64, usize)> {
    let (r, _) = (kw("top"), alt((ws, tag("-")))).parse(j)?;
    let (r, (acc, _)) = number_phrase(r)?;
    if acc.value() < 1.0 || acc.value() > 1000.0 {
        return fail(j);
    }
    Ok((r, (acc.value(), 1)))
}

/// "third", "twenty-first", "one hundred twenty fifth", "two hundredth".
fn word_ordinal(i: &str) -> Res<'_, (f64, usize)> {
    // Word ordinals start with a letter; digits are `digit_ordinal`'s.
    if !i.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return fail(i);
    }
    // Lead: an optional spelled number that the ordinal completes.
    let lead = number_phrase(i).ok();
    let try_tail = |from: &str, base: f64, need_ws: bool| -> Option<(usize, f64)> {
        let start = if need_ws {
            let (r, _) = alt((ws, tag("-"))).parse(from).ok()?;
            r
        } else {
            from
        };
        if let Ok((r, v)) = word_where(start, words::ordinal_unit) {
            let ok = base == 0.0 || (base % 10.0 == 0.0 && (v < 10.0 || base % 100.0 == 0.0));
            if ok {
                return Some((i.len() - r.len(), base + v));
            }
        }
        if let Ok((r, t)) = word_where(start, words::tens) {
            // "twenty-first": tens joined to an ordinal unit
            if let Ok((r2, _)) = alt((tag::<&str, &str, nom::error::Error<&str>>("-"), ws)).parse(r)
            {
                if let Ok((r3, v)) = word_where(r2, words::ordinal_unit) {
                    if v < 10.0 && (base == 0.0 || base % 100.0 == 0.0) {
                        return Some((i.len() - r3.len(), base + t + v));
                    }
                }
            }
        }
        if let Ok((r, s)) = word_where(start, words::ordinal_scale) {
            let b = if base == 0.0 { 1.0 } else { base };
            return Some((i.len() - r.len(), b * s));
        }
        None
    };
    if let Some((r, (acc, None))) = lead {
        if acc.spelled {
            if let Some((len, v)) = try_tail(r, acc.value(), true) {
                return Ok((&i[len..], (v, 0)));
            }
        }
    }
    match try_tail(i, 0.0, false) {
        Some((len, v)) => Ok((&i[len..], (v, 0))),
        None => fail(i),
    }
}

fn multiple(i: &str) -> Res<'_, f64> {
    alt((|j| word_where(j, words::multiple), folded)).parse(i)
}

/// "times" after a plain number, when a comparison follows: "three times as many", "9 times
/// that of Norway", "five times more", "32 times Earth's gravity", "ten times higher". Without
/// one it counts occasions ("won three times") and is left a number.
fn times_comparison<'a>(rest: &'a str, a: &Amount) -> Option<&'a str> {
    if a.kind != Kind::Number || a.unit.is_some() || a.value <= 0.0 {
        return None;
    }
    let (r, _) = (ws, alt((kw("times"), kw("x")))).parse(rest).ok()?;
    let after = r.trim_start_matches(is_space);
    let len = after
        .find(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .unwrap_or(after.len());
    let next = &after[..len];
    let lower = next.to_lowercase();
    let possessive = lower.ends_with("'s") || lower.ends_with("’s");
    let comparative = lower.len() > 4
        && lower.ends_with("er")
        && !matches!(
            lower.as_str(),
            "after" | "under" | "never" | "other" | "whether" | "either" | "neither" | "later"
        );
    let comparing = matches!(
        lower.as_str(),
        "as" | "more"
            | "less"
            | "fewer"
            | "the"
            | "that"
            | "those"
            | "what"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "this"
            | "these"
            | "over"
            | "higher"
            | "larger"
    );
    (possessive || comparative || comparing).then_some(r)
}

/// "two-fold", "3-fold", "threefold".
fn folded(j: &str) -> Res<'_, f64> {
    // Only worth reading the number when "fold" follows soon.
    let near = &j.as_bytes()[..j.len().min(40)];
    if !near.windows(4).any(|w| w.eq_ignore_ascii_case(b"fold")) {
        return fail(j);
    }
    let (r, (acc, _)) = number_phrase(j)?;
    let (r, _) = (opt(tag("-")), kw("fold")).parse(r)?;
    Ok((r, acc.value()))
}

fn digit_fraction(i: &str) -> Res<'_, f64> {
    // "1/3", "2 1/4", "-4/5"
    let (r, sign) = opt(pair(one_of("-−"), take_while(is_space))).parse(i)?;
    let (r, whole) = opt(pair(digit1, take_while1(is_space))).parse(r)?;
    let (r, n) = digit1(r)?;
    let (r, _) = char('/')(r)?;
    let (r, d) = digit1(r)?;
    if r.starts_with('/') || n.len() > 2 || d.len() > 2 {
        return fail(i);
    }
    let (n, d): (f64, f64) = (n.parse().unwrap_or(0.0), d.parse().unwrap_or(0.0));
    if d < 2.0 || n >= d || n == 0.0 {
        return fail(i);
    }
    let w: f64 = whole.and_then(|(w, _)| w.parse().ok()).unwrap_or(0.0);
    let v = w + n / d;
    Ok((r, if sign.is_some() { -v } else { v }))
}

fn vulgar(i: &str) -> Res<'_, f64> {
    let mut chars = i.chars();
    match chars.next().and_then(words::vulgar_fraction) {
        Some(v) => Ok((chars.as_str(), v)),
        None => fail(i),
    }
}

// ---------------------------------------------------------------------------------------------
// Hedges, bounds and ranges

/// A hedge phrase at the start of `i`: the longest phrase that matches wins ("at least or
/// equal to" over "at least", ">=" over ">"). The meaning is `None` for an exact phrase
/// ("equal to").
fn hedge(i: &str) -> Res<'_, (usize, Option<HedgeMeaning>)> {
    let mut best: Option<(usize, Option<HedgeMeaning>)> = None;
    let Some(&first) = i.as_bytes().first() else {
        return fail(i);
    };
    for &(phrase, meaning) in hedges_starting_with(first) {
        if let Some(len) = phrase_len(i, phrase) {
            if best.is_none_or(|(b, _)| len > b) {
                best = Some((len, meaning));
            }
        }
    }
    match best {
        Some((len, meaning)) => {
            let (after, _) = take_while(is_space)(&i[len..])?;
            Ok((after, (len, meaning)))
        }
        None => fail(i),
    }
}

/// The hedge phrases whose first byte (ASCII-lowercased) is `first`: the hedge parser runs at
/// every candidate position, so it looks only at the phrases that can match there.
fn hedges_starting_with(first: u8) -> &'static [(&'static str, Option<HedgeMeaning>)] {
    type Phrases = Vec<(&'static str, Option<HedgeMeaning>)>;
    static BUCKETS: std::sync::OnceLock<Vec<Phrases>> = std::sync::OnceLock::new();
    let buckets = BUCKETS.get_or_init(|| {
        let mut b: Vec<Phrases> = vec![Vec::new(); 256];
        let phrases = HEDGES
            .iter()
            .map(|(p, m)| (*p, Some(*m)))
            .chain(EXACT_HEDGES.iter().map(|p| (*p, None)));
        for (p, m) in phrases {
            if let Some(&f) = p.as_bytes().first() {
                b[usize::from(f.to_ascii_lowercase())].push((p, m));
            }
        }
        b
    });
    &buckets[usize::from(first.to_ascii_lowercase())]
}

/// The byte length of `phrase` at the start of `i`, its words separated by any whitespace.
fn phrase_len(i: &str, phrase: &'static str) -> Option<usize> {
    let mut rest = i;
    for (n, part) in phrase.split(' ').enumerate() {
        if n > 0 {
            rest = if part == "=" {
                take_while::<_, _, nom::error::Error<&str>>(is_space)(rest)
                    .ok()?
                    .0
            } else {
                ws(rest).ok()?.0
            };
        }
        rest = kw(static_part(phrase, part))(rest).ok()?.0;
    }
    Some(consumed(i, rest))
}

/// `kw` needs a `'static` keyword; the parts of a static phrase are static too.
fn static_part(phrase: &'static str, part: &str) -> &'static str {
    let offset = part.as_ptr() as usize - phrase.as_ptr() as usize;
    &phrase[offset..offset + part.len()]
}

/// What stands after the hedge: an amount, or one of the other quantity kinds.
#[derive(Debug, Clone, Copy)]
enum Core {
    Amount(Amount),
    Fraction(f64),
    Multiple(f64),
    Ordinal(f64),
}

fn core(i: &str) -> Res<'_, Core> {
    alt((
        |j| ordinal(j).map(|(r, (v, _))| (r, Core::Ordinal(v))),
        |j| digit_fraction(j).map(|(r, v)| (r, Core::Fraction(v))),
        |j| vulgar(j).map(|(r, v)| (r, Core::Fraction(v))),
        |j| {
            // "two thirds of a million"
            let (r, f) = simple_fraction(j)?;
            if let Ok((r2, (_, _, _, _, s))) = (
                ws,
                kw("of"),
                ws,
                kw("a"),
                (ws, |k| word_where(k, words::scale_word)),
            )
                .parse(r)
                .map(|(r, (a, b, c, d, (_, s)))| (r, (a, b, c, d, s)))
            {
                return Ok((r2, Core::Amount(plain_amount(f * s))));
            }
            if let Ok((r2, (_, s))) = (ws, |k| word_where(k, words::scale_word)).parse(r) {
                return Ok((r2, Core::Amount(plain_amount(f * s))));
            }
            Ok((r, Core::Fraction(f)))
        },
        |j| ratio(j).map(|(r, v)| (r, Core::Fraction(v))),
        |j| folded(j).map(|(r, v)| (r, Core::Multiple(v))),
        |j| amount(j).map(|(r, a)| (r, Core::Amount(a))),
        |j| multiple(j).map(|(r, v)| (r, Core::Multiple(v))),
        |j| kw("half")(j).map(|(r, _)| (r, Core::Fraction(0.5))),
    ))
    .parse(i)
}

/// "one over three", "2000 over 3", "two out of five hundred": a quotient of two plain
/// numbers. "over" needs nothing after the second number ("$2000 over 3 years" is no
/// quotient), and "out of" a share no larger than the whole.
fn ratio(i: &str) -> Res<'_, f64> {
    let plain = |a: &Amount| a.kind == Kind::Number && a.unit.is_none();
    let (r, a) = amount(i)?;
    if !plain(&a) {
        return fail(i);
    }
    let (r, (over, one_in)) = alt((
        |j| {
            (ws, kw("over"), ws)
                .parse(j)
                .map(|(r, _)| (r, (true, false)))
        },
        |j| {
            (ws, kw("out"), ws, kw("of"), ws)
                .parse(j)
                .map(|(r, _)| (r, (false, false)))
        },
        // "one in seven", "3 in 10 adults"
        |j| (ws, kw("in"), ws).parse(j).map(|(r, _)| (r, (false, true))),
    ))
    .parse(r)?;
    let (r, b) = amount(r)?;
    if !plain(&b) || b.value == 0.0 {
        return fail(i);
    }
    if one_in
        && (b.bare_integer_digits == 4
            || a.value >= b.value
            || a.value.fract() != 0.0
            || b.scale > 1.0)
    {
        // "1 in 2020" is a year; "5 in 3" no share.
        return fail(i);
    }
    if over {
        let next_word = r.trim_start_matches(is_space);
        if next_word.starts_with(|c: char| c.is_alphanumeric()) || r.starts_with(['%', '-']) {
            return fail(i);
        }
    } else if a.value > b.value || a.value < 0.0 {
        return fail(i);
    }
    Ok((r, a.value / b.value))
}

fn plain_amount(v: f64) -> Amount {
    Amount {
        value: v,
        kind: Kind::Number,
        unit: None,
        per: None,
        precision: None,
        bare_integer_digits: 0,
        scale: 1.0,
        spelled: true,
        glueable: false,
    }
}

/// A range's separator and second amount: "-6,000", " to 6,000", "–6,000", " through 100".
fn range_tail(i: &str) -> Res<'_, Amount> {
    let (r, _) = alt((
        recognize((take_while(is_space), one_of("-–—~"), take_while(is_space))),
        recognize((ws, alt((kw("to"), kw("through"), kw("thru"))), ws)),
    ))
    .parse(i)?;
    amount(r)
}

/// What the words before a candidate say about the quantity that starts there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Context {
    #[default]
    Plain,
    /// A verb of change stands just before ("rose", "fell by"): "from A to B" is the two
    /// ends of the change, and "A to B" a change and the level it reached unless they read
    /// as one range ("rose 4.2% to 310p", "fell 0.7 per cent to 7,412").
    AfterChange,
    /// Right after "from" (when "from A to B" was not read as one range): A is the start of a
    /// change and "to B" its end, never one range with it.
    AfterFrom,
}

/// Reads one quantity at the start of `i`. `i` runs to the end of the text.
pub(crate) fn quantity(i: &str) -> Option<Parsed> {
    quantity_in(i, Context::Plain)
}

/// `quantity`, told what the words before it say.
pub(crate) fn quantity_in(i: &str, context: Context) -> Option<Parsed> {
    // "between 5,000 and 6,000", "from 20 to 30"
    if let Some(p) = bounded_range(i, context) {
        return Some(p);
    }
    // "tens of thousands", "hundreds of millions", "thousands of"
    if let Ok((r, (low, high))) = vague_plural(i) {
        return Some(Parsed {
            len: consumed(i, r),
            kind: Kind::Range,
            value: None,
            low: Some(low),
            high: Some(high),
            hedge_len: None,
            unit: None,
            per: None,
            precision: None,
        });
    }
    let (after_hedge, hedge_info) = match hedge(i) {
        Ok((r, h)) => (r, Some(h)),
        Err(_) => (i, None),
    };
    let (mut rest, mut core) = core(after_hedge).ok()?;
    // "three times as many", "about 9 times that of Norway": a multiple, not a count.
    if let Core::Amount(a) = core {
        if let Some(r) = times_comparison(rest, &a) {
            rest = r;
            core = Core::Multiple(a.value);
        }
    }
    let hedge_len = hedge_info.map(|(len, _)| len);
    let meaning = hedge_info.and_then(|(_, m)| m);
    let mut p = match core {
        Core::Amount(a) => {
            // A range "5,000-6,000", "20 to 30 percent", "$5-6 million".
            if let Some((r, p)) = amount_range(rest, a, context) {
                let mut p = p;
                p.hedge_len = hedge_len;
                p.len = consumed(i, r);
                return Some(p);
            }
            let (low, high) = bounds(a.value, meaning);
            Parsed {
                len: consumed(i, rest),
                kind: a.kind,
                value: Some(a.value),
                low,
                high,
                hedge_len,
                unit: a.unit,
                per: a.per,
                precision: a.precision,
            }
        }
        Core::Fraction(v) | Core::Multiple(v) => {
            let (low, high) = bounds(v, meaning);
            Parsed {
                len: consumed(i, rest),
                kind: if matches!(core, Core::Fraction(_)) {
                    Kind::Fraction
                } else {
                    Kind::Multiple
                },
                value: Some(v),
                low,
                high,
                hedge_len,
                unit: None,
                per: None,
                precision: None,
            }
        }
        Core::Ordinal(v) => {
            // "second-largest", "third-biggest", "fourth-placed": the superlative belongs to
            // the rank. Other compounds ("third-party", "first-class") are no rank.
            let (rest, _) = opt(pair(
                tag::<&str, &str, nom::error::Error<&str>>("-"),
                nom::combinator::verify(
                    take_while1(|c: char| c.is_ascii_alphabetic()),
                    |w: &str| {
                        let w = w.to_ascii_lowercase();
                        w.ends_with("est")
                            || w.ends_with("most")
                            || matches!(
                                w.as_str(),
                                "ranked" | "placed" | "seeded" | "place" | "rated" | "best"
                            )
                    },
                ),
            ))
            .parse(rest)
            .unwrap_or((rest, None));
            Parsed {
                len: consumed(i, rest),
                kind: Kind::Ordinal,
                value: Some(v),
                low: Some(v),
                high: Some(v),
                hedge_len: None,
                unit: None,
                per: None,
                precision: None,
            }
        }
    };
    if matches!(core, Core::Ordinal(..)) && hedge_len.is_some() {
        // Hedges do not apply to ranks; read the ordinal alone.
        return None;
    }
    // "2,000+", "500 or more", "500 or less"
    let after = &i[p.len..];
    let exact_hedge = hedge_info.is_some() && meaning.is_none();
    if p.hedge_len.is_none() || exact_hedge {
        if let Ok((r, _)) = tag::<&str, &str, nom::error::Error<&str>>("+")(after) {
            if !exact_hedge && !r.starts_with(|c: char| c.is_ascii_digit()) {
                p.len = consumed(i, r);
                p.high = None;
            }
        } else if let Ok((r, up)) = suffix_bound(after) {
            p.len = consumed(i, r);
            if up {
                p.high = None;
            } else {
                p.low = None;
            }
        }
    } else if meaning == Some(HedgeMeaning::Approximate) && suffix_bound(after).is_ok() {
        // "about 500 or more": the bound is what is claimed; read it without "about".
        return None;
    } else if matches!(meaning, Some(HedgeMeaning::Above | HedgeMeaning::Below)) {
        // "less than 5000 or equal", "more than 5000 or equal to"
        if let Ok((r, _)) = or_equal_suffix(after) {
            p.len = consumed(i, r);
        }
    }
    // "more than 10 and less than 40", "at most 100 and at least 20": two bounds, one range.
    if let (Some(m), Some(v)) = (meaning, p.value) {
        let after = &i[p.len..];
        if let Some((r, m2, v2, unit2)) = second_bound(after) {
            let first_low = lower_bound(m);
            let second_low = lower_bound(m2);
            if let (Some(a), Some(b)) = (first_low, second_low) {
                if a != b && (p.unit.is_none() || unit2.is_none() || p.unit == unit2) {
                    let (low, high) = if a { (v, v2) } else { (v2, v) };
                    if low < high {
                        p.len = consumed(i, r);
                        p.kind = match p.kind {
                            Kind::Percent | Kind::PercentagePoints | Kind::Money => p.kind,
                            _ => Kind::Range,
                        };
                        p.unit = p.unit.or(unit2);
                        p.value = None;
                        p.low = Some(low);
                        p.high = Some(high);
                        p.hedge_len = None;
                        p.precision = None;
                    }
                }
            }
        }
    }
    Some(p)
}

/// Whether a hedge bounds the number from below (`Some(true)`), from above (`Some(false)`),
/// or neither.
fn lower_bound(m: HedgeMeaning) -> Option<bool> {
    match m {
        HedgeMeaning::Above | HedgeMeaning::AtLeast | HedgeMeaning::JustAbove => Some(true),
        HedgeMeaning::Below | HedgeMeaning::AtMost | HedgeMeaning::JustBelow => Some(false),
        HedgeMeaning::Approximate => None,
    }
}

/// The second bound of "more than 10 and less than 40": a joiner, a bounding hedge and a
/// number.
fn second_bound(i: &str) -> Option<(&str, HedgeMeaning, f64, Option<&'static str>)> {
    let (r, _) = alt((
        recognize((take_while(is_space), char(','), take_while(is_space))),
        recognize((ws, alt((kw("and"), kw("but"))), ws)),
    ))
    .parse(i)
    .ok()?;
    let (r, (_, m)) = hedge(r).ok()?;
    let m = m?;
    let (r, c) = core(r).ok()?;
    let (v, unit) = match c {
        Core::Amount(a) => (a.value, a.unit),
        Core::Fraction(f) => (f, None),
        _ => return None,
    };
    Some((r, m, v, unit))
}

/// " or equal", " or equal to" after "less than 5000", when no number follows.
fn or_equal_suffix(i: &str) -> Res<'_, ()> {
    let (r, _) = (ws, kw("or"), ws, kw("equal")).parse(i)?;
    let (r2, _) = opt((ws, kw("to"))).parse(r)?;
    if (ws, amount).parse(r2).is_ok() {
        return fail(i);
    }
    Ok((r2, ()))
}

/// "or more", "and more", "or greater", "or above" (true); "or less", "or fewer", "or below"
/// (false). A trailing "than" is taken ("200 or greater than"), unless a number follows it:
/// then the comparison belongs to that number ("200 or greater than 190").
fn suffix_bound(i: &str) -> Res<'_, bool> {
    let (r, _) = (ws, alt((kw("or"), kw("and"))), ws).parse(i)?;
    let (r, up) = alt((
        |j| {
            alt((
                kw("more"),
                kw("greater"),
                kw("above"),
                kw("over"),
                kw("higher"),
            ))
            .parse(j)
            .map(|(r, _)| (r, true))
        },
        |j| {
            alt((
                kw("less"),
                kw("fewer"),
                kw("below"),
                kw("under"),
                kw("lower"),
            ))
            .parse(j)
            .map(|(r, _)| (r, false))
        },
    ))
    .parse(r)?;
    if let Ok((r2, _)) = (ws, kw("than")).parse(r) {
        // ("18.9% and more than a quarter": the comparison is the quarter's.)
        let figure = |j| (ws, opt(hedge), core).parse(j).is_ok();
        if (ws, amount).parse(r2).is_ok() || figure(r2) || (ws, kw("or")).parse(r2).is_ok() {
            return fail(i);
        }
        return Ok((r2, up));
    }
    if (ws, amount).parse(r).is_ok() {
        return fail(i);
    }
    Ok((r, up))
}

fn bounds(v: f64, meaning: Option<HedgeMeaning>) -> (Option<f64>, Option<f64>) {
    match meaning {
        None | Some(HedgeMeaning::Approximate) => (Some(v), Some(v)),
        Some(HedgeMeaning::JustBelow) => (None, Some(v)),
        Some(HedgeMeaning::JustAbove) => (Some(v), None),
        Some(HedgeMeaning::Above) | Some(HedgeMeaning::AtLeast) => (Some(v), None),
        Some(HedgeMeaning::Below) | Some(HedgeMeaning::AtMost) => (None, Some(v)),
    }
}

/// Whether two amounts may be the ends of one range: the same kind and unit, or a bare
/// number before an amount whose unit and scale it borrows ("20 to 30 percent", "5-6 km"),
/// or money before a bare scale ("$5-6 million").
fn range_compatible(a: &Amount, b: &Amount) -> bool {
    match (a.unit, b.unit) {
        (None, _) => a.kind == Kind::Number,
        (Some(x), Some(y)) => x == y && a.kind == b.kind && a.per == b.per,
        (Some(_), None) => a.kind == Kind::Money && b.kind == Kind::Number && b.scale > 1.0,
    }
}

/// "shares rose 4.2% to 310p": after a change verb, "A to B" is one range only when it reads
/// as one ("rose 5 to 10 percent"): the same unit, and an upper end of the same size.
fn change_then_level(a: &Amount, b: &Amount, joiner_is_word: bool, context: Context) -> bool {
    context == Context::AfterChange && joiner_is_word && {
        let low = if a.scale == 1.0 && b.scale > 1.0 {
            a.value * b.scale
        } else {
            a.value
        };
        b.value.abs() > 3.0 * low.abs()
    }
}

/// Two amounts joined as a range; the unit and scale of the second carry to the first
/// ("5 to 6 million", "20-30%", "$5-6 billion").
fn amount_range(rest: &str, a: Amount, context: Context) -> Option<(&str, Parsed)> {
    let (r, b) = range_tail(rest).ok()?;
    if !range_compatible(&a, &b) {
        return None;
    }
    let joiner_is_word = !rest.trim_start().starts_with(['-', '–', '—', '~']);
    if change_then_level(&a, &b, joiner_is_word, context)
        || (joiner_is_word && context == Context::AfterFrom)
    {
        return None;
    }
    // A year starts no range of counts ("2015 to 3,244"); a year range is read elsewhere.
    // Two counts joined by a dash may start with a year-like number ("1000-5000").
    if a.bare_integer_digits == 4 {
        let dash = rest.trim_start().starts_with(['-', '–', '—']);
        let year_like = |v: f64| (1000.0..2200.0).contains(&v);
        if year_like(a.value) && (!dash || year_like(b.value)) {
            return None;
        }
    }
    let mut low = a.value;
    if a.scale == 1.0 && b.scale > 1.0 && low < b.value / b.scale * 10.0 && low * b.scale <= b.value
    {
        low *= b.scale;
    }
    if low.partial_cmp(&b.value) != Some(std::cmp::Ordering::Less) {
        return None;
    }
    let unit = b.unit.or(a.unit);
    if a.unit.is_some() && b.unit.is_some() && a.unit != b.unit {
        return None;
    }
    let kind = match b.kind {
        Kind::Percent | Kind::PercentagePoints | Kind::Money => b.kind,
        _ => a.kind,
    };
    Some((
        r,
        Parsed {
            len: 0,
            kind: if kind == Kind::Number {
                Kind::Range
            } else {
                kind
            },
            value: None,
            low: Some(low),
            high: Some(b.value),
            hedge_len: None,
            unit,
            per: b.per.or(a.per),
            precision: b.precision,
        },
    ))
}

/// "between 5,000 and 6,000", "from 20 to 30". After a change verb, "from A to B" is the
/// two ends of the change, each its own quantity.
fn bounded_range(i: &str, context: Context) -> Option<Parsed> {
    let (r, opener) = alt((kw("between"), kw("from"))).parse(i).ok()?;
    if context != Context::Plain && opener.eq_ignore_ascii_case("from") {
        return None;
    }
    let (r, _) = ws(r).ok()?;
    let joiner = if opener.eq_ignore_ascii_case("between") {
        "and"
    } else {
        "to"
    };
    // Only "between" spans places: "from third to fifth" is a move from one place to another.
    if joiner == "and" {
        if let Some(p) = ordinal_range(i, r) {
            return Some(p);
        }
    }
    let (r, a) = amount(r).ok()?;
    let (r, _) = (ws, kw(joiner), ws).parse(r).ok()?;
    let (r, b) = amount(r).ok()?;
    if a.bare_integer_digits == 4 && b.bare_integer_digits == 4 {
        return None; // "between 2015 and 2017": years
    }
    if !range_compatible(&a, &b) {
        return None;
    }
    let mut low = a.value;
    if a.scale == 1.0 && b.scale > 1.0 && low * b.scale <= b.value {
        low *= b.scale;
    }
    if low.partial_cmp(&b.value) != Some(std::cmp::Ordering::Less) {
        return None;
    }
    let kind = match b.kind {
        Kind::Percent | Kind::PercentagePoints | Kind::Money => b.kind,
        _ => Kind::Range,
    };
    Some(Parsed {
        len: consumed(i, r),
        kind,
        value: None,
        low: Some(low),
        high: Some(b.value),
        hedge_len: None,
        unit: b.unit.or(a.unit),
        per: b.per.or(a.per),
        precision: b.precision,
    })
}

/// "between the tenth and the fifteenth", "between 3rd and 8th": a span of places, read as
/// one ordinal with two bounds and no single value (no rank shape takes it as one place).
/// `i` starts at "between", `r` just after it.
fn ordinal_range<'a>(i: &'a str, r: &'a str) -> Option<Parsed> {
    let the = |j| opt((kw("the"), ws)).parse(j);
    let (r, _) = the(r).ok()?;
    let (r, (a, _)) = ordinal(r).ok()?;
    let (r, _) = (ws, kw("and"), ws).parse(r).ok()?;
    let (r, _) = the(r).ok()?;
    let (r, (b, _)) = ordinal(r).ok()?;
    if r.starts_with(|c: char| c.is_alphanumeric() || c == '-') || a >= b {
        return None;
    }
    Some(Parsed {
        len: consumed(i, r),
        kind: Kind::Ordinal,
        value: None,
        low: Some(a),
        high: Some(b),
        hedge_len: None,
        unit: None,
        per: None,
        precision: None,
    })
}

/// "tens of thousands" (10,000 to 100,000), "hundreds of millions", "dozens of", "thousands of".
fn vague_plural(i: &str) -> Res<'_, (f64, f64)> {
    let plural_scale = |j| {
        word_where(j, |w| match w {
            "tens" => Some(10.0),
            "dozens" => Some(12.0),
            "hundreds" => Some(100.0),
            "thousands" => Some(1e3),
            "millions" => Some(1e6),
            "billions" => Some(1e9),
            _ => None,
        })
    };
    let (r, first) = plural_scale(i)?;
    let (r, _) = (ws, kw("of"), ws).parse(r)?;
    if let Ok((r2, second)) = plural_scale(r) {
        if second > first && second >= 1e3 {
            return Ok((r2, (first * second, first * second * 10.0)));
        }
    }
    if first >= 100.0 || first == 12.0 {
        // "thousands of people": the words "of" and what follows are not part of the number.
        let (r, _) = plural_scale(i)?;
        let low = if first == 12.0 { 24.0 } else { first };
        return Ok((r, (low, first * 10.0)));
    }
    fail(i)
}
