//! Mutation recall and precision of `check` on the labelled article sets.
//!
//! The labelled sets (`tests/labelled`, `tests/heldout`, `tests/heldout2`, `tests/heldout3`; see
//! `tests/labelled.rs`) say which claims a reader found right. Each of those is a known-good
//! figure at a known place: change it and the article states a wrong figure exactly there, so a
//! checker that really ties the claim to its row should flag that spot and nothing else. The
//! harness makes one mutant per right claim that holds a figure:
//!
//! * the claim's first figure (digits such as `3,417`, `2.9 million`, `48%`, `$12bn`, or a
//!   spelled cardinal such as `three`) is multiplied by 1.3 and reprinted in the article's own
//!   style (see [`Figure::mutated`]); bare years 1800–2100, ordinals (`3rd`, `third`), decades,
//!   fractions and multiples are not figures here, and a claim with no other figure is skipped;
//! * `check` runs on the mutant with the article's table, exactly as on the unmutated article
//!   (the baseline), and only error-level findings count;
//! * a finding is *new* when the baseline has no finding with the same line and text; a finding
//!   that overlaps the changed figure is always new, since the figure's text changed;
//! * a mutant is **caught** when an error finding overlaps the changed figure and every new
//!   finding is on the figure; a new finding anywhere else makes it a **false alarm**.
//!
//! Mutation recall is caught / mutants. Mutation precision is caught / mutants with any new
//! finding (on the figure or elsewhere). The test fails when either falls below
//! `tests/mutation/ratchet.txt`; every mutant that was missed or raised a false alarm is written
//! to `target/mutation-errors.txt`.

mod common;

use common::Finding;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The sets mutated, in report order.
const SETS: [&str; 4] = ["labelled", "heldout", "heldout2", "heldout3"];

/// The change, in tenths: ×1.3 lies well outside the engine's default tolerances (5% for a
/// hedged figure, 10% for "nearly"), so a checker that found the row cannot excuse the mutant.
const FACTOR_TENTHS: u128 = 13;

/// Cardinal words, indexed by value. Only these stay spelled after the change; a larger result
/// is written in digits, as style guides ask.
const WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

const TENS: [(&str, u128); 7] = [
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Words after a space that belong to the figure: a scale or a percent. They are kept as they
/// are, so `2.9 million` becomes `3.8 million` rather than a bare 3,770,000.
const SUFFIX_WORDS: [&str; 6] = [
    "thousand", "million", "billion", "trillion", "percent", "per cent",
];

/// Letters glued to digits that make the token something other than an amount: ordinals
/// (`18th`), decades (`2060s`) and team names (`49ers`).
const NOT_AMOUNTS: [&str; 6] = ["st", "nd", "rd", "th", "s", "ers"];

/// How a cardinal word was capitalised, so that its replacement reads the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Title,
    Upper,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    /// Written in digits: the digits without separators or point as one integer, the number of
    /// decimals, and whether thousands were grouped with commas (`None` when the figure is too
    /// short to show either way).
    Digits {
        mantissa: u128,
        decimals: u32,
        grouped: Option<bool>,
    },
    /// A spelled cardinal.
    Word { value: u128, case: Case },
}

/// A figure found in a line of text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Figure {
    /// Byte range of the whole figure, currency sign and suffix included.
    start: usize,
    end: usize,
    /// A currency sign written before the number.
    prefix: String,
    number: Number,
    /// `%`, a scale or percent word with its space, or letters glued on (`bn`).
    suffix: String,
}

impl Figure {
    /// The figure ×1.3, printed the way the original was: same currency sign and suffix, same
    /// decimals (rounded half up), commas only where the original had them, and a spelled word
    /// while the result is 20 or less. When rounding gives back the printed original (0, or 1
    /// → 1.3 → 1) the last digit is bumped instead, so every mutant really changes.
    /// `article_groups` is the article's habit, used when the original is too short to show
    /// whether it groups thousands.
    fn mutated(&self, article_groups: bool) -> String {
        let old = match self.number {
            Number::Digits { mantissa, .. } => mantissa,
            Number::Word { value, .. } => value,
        };
        // Integer arithmetic on the printed digits, so that rounding is exact: 0.5 × 1.3 is
        // 0.65 and must round to 0.7, which floating point does not promise.
        let mut new = (old * FACTOR_TENTHS + 5) / 10;
        if new == old {
            new += 1;
        }
        let number = match self.number {
            Number::Word { case, .. } if new < WORDS.len() as u128 => {
                cased(WORDS[new as usize], case)
            }
            Number::Word { .. } => digits(new, 0, article_groups),
            Number::Digits {
                decimals, grouped, ..
            } => digits(new, decimals, grouped.unwrap_or(article_groups)),
        };
        format!("{}{number}{}", self.prefix, self.suffix)
    }
}

/// `mantissa` with `decimals` digits after the point.
fn digits(mantissa: u128, decimals: u32, grouped: bool) -> String {
    let scale = 10u128.pow(decimals);
    let whole = (mantissa / scale).to_string();
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if grouped && i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if decimals > 0 {
        let width = decimals as usize;
        write!(out, ".{:0width$}", mantissa % scale).unwrap();
    }
    out
}

fn cased(word: &str, case: Case) -> String {
    match case {
        Case::Lower => word.to_owned(),
        Case::Upper => word.to_uppercase(),
        Case::Title => {
            let mut chars = word.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(chars).collect()
        }
    }
}

/// Every figure in `line`, in order.
fn figures(line: &str) -> Vec<Figure> {
    let bytes = line.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        // A figure starts a word: the 380 of "A380" or the 2 of "CO2" is part of a name. (Only
        // looked at on an ASCII byte, which is always a character boundary.)
        let starts_word = c.is_ascii_alphanumeric()
            && line[..i]
                .chars()
                .next_back()
                .is_none_or(|p| !p.is_alphanumeric());
        if c.is_ascii_digit() && starts_word {
            let (figure, next) = digits_at(line, i);
            found.extend(figure);
            i = next;
        } else if c.is_ascii_alphabetic() && starts_word {
            let end = i + line[i..]
                .bytes()
                .take_while(u8::is_ascii_alphanumeric)
                .count();
            found.extend(word_at(line, i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// The figure written in digits from byte `start` of `line`, if the token is one, and the byte
/// to scan on from.
fn digits_at(line: &str, start: usize) -> (Option<Figure>, usize) {
    let bytes = line.as_bytes();
    let digit = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);
    let mut j = start;
    while digit(j) {
        j += 1;
    }
    let lead = j - start;
    // Thousands groups: a comma then exactly three digits ("89, six" is a list, not 89,6..).
    let mut grouped = false;
    if lead <= 3 {
        while bytes.get(j) == Some(&b',') && (1..=3).all(|k| digit(j + k)) && !digit(j + 4) {
            j += 4;
            grouped = true;
        }
    }
    let mut decimals = 0;
    if bytes.get(j) == Some(&b'.') && digit(j + 1) {
        j += 1;
        while digit(j) {
            j += 1;
            decimals += 1;
        }
    }
    let number_end = j;
    let Ok(mantissa) = line[start..number_end]
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse::<u128>()
    else {
        return (None, number_end);
    };

    let before: Vec<char> = line[..start].chars().rev().take(2).collect();
    let after: Vec<char> = line[number_end..].chars().take(2).collect();
    // Either side of a dash, slash or colon between digits the number is half of a range,
    // season, date or score ("2022–23", "3–1"), not an amount standing alone.
    let joiner = |c: Option<&char>| matches!(c, Some('-' | '–' | '/' | ':'));
    let is_digit = |c: Option<&char>| c.is_some_and(char::is_ascii_digit);
    if (joiner(before.first()) && is_digit(before.get(1)))
        || (joiner(after.first()) && is_digit(after.get(1)))
    {
        return (None, number_end);
    }
    let prefix = match before.first() {
        Some(c @ ('$' | '£' | '€')) => c.to_string(),
        _ => String::new(),
    };

    let rest = &line[number_end..];
    let glued: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
    let suffix = if rest.starts_with('%') {
        "%".to_owned()
    } else if !glued.is_empty() {
        if NOT_AMOUNTS.contains(&glued.as_str()) {
            return (None, number_end + glued.len());
        }
        glued
    } else {
        SUFFIX_WORDS
            .iter()
            .find(|w| {
                rest.strip_prefix(' ')
                    .and_then(|r| r.strip_prefix(*w))
                    .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
            })
            .map(|w| format!(" {w}"))
            .unwrap_or_default()
    };
    let end = number_end + suffix.len();

    // A bare four-digit number in 1800–2100 reads as a year; with a sign, a suffix, a comma or
    // decimals it is an amount.
    let bare = prefix.is_empty() && suffix.is_empty() && !grouped && decimals == 0;
    if bare && lead == 4 && (1800..=2100).contains(&mantissa) {
        return (None, end);
    }
    let figure = Figure {
        start: start - prefix.len(),
        end,
        prefix,
        number: Number::Digits {
            mantissa,
            decimals,
            grouped: if grouped {
                Some(true)
            } else if lead >= 4 {
                Some(false)
            } else {
                None
            },
        },
        suffix,
    };
    (Some(figure), end)
}

/// The spelled cardinal at bytes `start..end` of `line`, if the word is one. Ordinals, fractions
/// and multiples ("third", "half", "twice") are simply not in the lists.
fn word_at(line: &str, start: usize, end: usize) -> Option<Figure> {
    let word = &line[start..end];
    let lower = word.to_ascii_lowercase();
    let value = WORDS
        .iter()
        .position(|w| *w == lower)
        .map(|v| v as u128)
        .or_else(|| TENS.iter().find(|(w, _)| *w == lower).map(|(_, v)| *v))?;
    let case = if word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        Case::Upper
    } else if word.starts_with(|c: char| c.is_ascii_uppercase()) {
        Case::Title
    } else {
        Case::Lower
    };
    Some(Figure {
        start,
        end,
        prefix: String::new(),
        number: Number::Word { value, case },
        suffix: String::new(),
    })
}

/// Whether the article groups thousands with commas: yes when any long figure does, or when no
/// long figure shows otherwise (the English default).
fn groups_thousands(article: &str) -> bool {
    let habits: Vec<bool> = article
        .lines()
        .flat_map(figures)
        .filter_map(|f| match f.number {
            Number::Digits { grouped, .. } => grouped,
            Number::Word { .. } => None,
        })
        .collect();
    habits.is_empty() || habits.contains(&true)
}

/// A claim labelled right, placed on its line.
struct Claim {
    line: usize,
    /// Byte range of the text on its line.
    bytes: (usize, usize),
}

/// The claims of `name` labelled right. The text must occur once on its line, as
/// `tests/labelled.rs` also demands.
fn right_claims(dir: &Path, name: &str, article: &str) -> Vec<Claim> {
    let path = dir.join(format!("{name}.labels.tsv"));
    let tsv = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lines: Vec<&str> = article.split('\n').collect();
    let mut claims = Vec::new();
    for (i, row) in tsv.lines().enumerate() {
        if row.trim().is_empty() || row.starts_with('#') {
            continue;
        }
        let at = format!("{}:{}", path.display(), i + 1);
        let fields: Vec<&str> = row.split('\t').collect();
        assert!(fields.len() >= 3, "{at}: expected line, text, label, note");
        if fields[2] != "right" {
            continue;
        }
        let line: usize = fields[0]
            .parse()
            .unwrap_or_else(|_| panic!("{at}: bad line number {:?}", fields[0]));
        let text = fields[1].to_owned();
        let source = lines
            .get(line.wrapping_sub(1))
            .unwrap_or_else(|| panic!("{at}: {name}.md has no line {line}"));
        let byte = source
            .find(&text)
            .unwrap_or_else(|| panic!("{at}: {text:?} is not on line {line} of {name}.md"));
        assert!(
            source[byte + text.len()..].find(&text).is_none(),
            "{at}: {text:?} occurs more than once on line {line} of {name}.md"
        );
        claims.push(Claim {
            line,
            bytes: (byte, byte + text.len()),
        });
    }
    claims
}

/// One mutant article: the whole text, and where the changed figure sits in it.
struct Mutant {
    article: String,
    line: usize,
    /// 1-based character columns of the new figure on `line`, end exclusive.
    columns: (usize, usize),
    /// The same for the original figure in the unmutated article.
    old_columns: (usize, usize),
    /// The original figure and its replacement.
    from: String,
    to: String,
    /// The claim's text before and after.
    claim_from: String,
    claim_to: String,
}

/// The mutant for `claim`, or `None` when the claim holds no figure to change. The figure is
/// the first one starting inside the claim's text; it may run past the text's end ("48" of a
/// line reading "48%") and is then changed whole.
fn mutant(article: &str, claim: &Claim, article_groups: bool) -> Option<Mutant> {
    let line_start: usize = article
        .split('\n')
        .take(claim.line - 1)
        .map(|l| l.len() + 1)
        .sum();
    let source = article[line_start..].split('\n').next().unwrap_or_default();
    let (from, to) = claim.bytes;
    let figure = figures(source)
        .into_iter()
        .find(|f| (from..to).contains(&f.start))?;
    let new = figure.mutated(article_groups);
    let old = &source[figure.start..figure.end];
    assert_ne!(new, old, "a mutant must change its figure");
    let mut text = String::with_capacity(article.len() + new.len());
    text.push_str(&article[..line_start + figure.start]);
    text.push_str(&new);
    text.push_str(&article[line_start + figure.end..]);
    let start_column = source[..figure.start].chars().count() + 1;
    // The claim as reported runs to the figure's end when the figure runs past the text.
    let end = to.max(figure.end);
    Some(Mutant {
        article: text,
        line: claim.line,
        columns: (start_column, start_column + new.chars().count()),
        old_columns: (start_column, start_column + old.chars().count()),
        claim_from: source[from..end].to_owned(),
        claim_to: format!(
            "{}{new}{}",
            &source[from..figure.start],
            &source[figure.end..end]
        ),
        from: old.to_owned(),
        to: new,
    })
}

/// What `check` said about one mutant.
struct Verdict {
    /// Error findings overlapping the changed figure.
    on_figure: Vec<Finding>,
    /// New error findings anywhere else.
    stray: Vec<Finding>,
}

impl Verdict {
    fn caught(&self) -> bool {
        !self.on_figure.is_empty() && self.stray.is_empty()
    }

    fn any_new(&self) -> bool {
        !self.on_figure.is_empty() || !self.stray.is_empty()
    }
}

/// Sorts the mutant's error findings into those on the figure and those the baseline lacks.
/// The baseline is compared as a multiset of (line, text), not by column, since a figure that
/// changed length shifts every later column on its line.
fn judge(baseline: &[Finding], found: &[Finding], mutant: &Mutant) -> Verdict {
    let mut known: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for f in baseline.iter().filter(|f| f.is_error()) {
        *known.entry((f.line, f.text.as_str())).or_default() += 1;
    }
    let mut verdict = Verdict {
        on_figure: Vec::new(),
        stray: Vec::new(),
    };
    for f in found.iter().filter(|f| f.is_error()) {
        if f.overlaps(mutant.line, mutant.columns) {
            verdict.on_figure.push(f.clone());
            continue;
        }
        match known.get_mut(&(f.line, f.text.as_str())) {
            Some(n) if *n > 0 => *n -= 1,
            _ => verdict.stray.push(f.clone()),
        }
    }
    verdict
}

#[derive(Default, Clone, Copy)]
struct Counts {
    articles: usize,
    right: usize,
    skipped: usize,
    mutants: usize,
    caught: usize,
    /// Mutants with no error finding on the figure.
    unflagged: usize,
    /// Mutants with a new error finding off the figure.
    false_alarms: usize,
    /// Mutants with any new error finding.
    any_new: usize,
    /// Mutants whose figure already had an error finding in the baseline: they are caught
    /// without the engine noticing the change, so the count says how much of recall is that.
    preflagged: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.articles += o.articles;
        self.right += o.right;
        self.skipped += o.skipped;
        self.mutants += o.mutants;
        self.caught += o.caught;
        self.unflagged += o.unflagged;
        self.false_alarms += o.false_alarms;
        self.any_new += o.any_new;
        self.preflagged += o.preflagged;
    }

    fn recall(&self) -> f64 {
        ratio(self.caught, self.mutants)
    }

    fn precision(&self) -> f64 {
        ratio(self.caught, self.any_new)
    }

    fn row(&self, name: &str) -> String {
        format!(
            "{name:<10} {:>8} {:>5} {:>7} {:>7} {:>6} {:>7} {:>6} {:>9} {:>6.3} {:>9.3}",
            self.articles,
            self.right,
            self.skipped,
            self.mutants,
            self.caught,
            self.unflagged,
            self.false_alarms,
            self.preflagged,
            self.recall(),
            self.precision()
        )
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

/// `(recall, precision)` from `tests/mutation/ratchet.txt`.
fn ratchet() -> (f64, f64) {
    let path = common::root().join("tests/mutation/ratchet.txt");
    common::ratchet(&path, ("recall", "precision"))
}

/// Writes one missed or falsely alarmed mutant to the report.
fn describe(report: &mut String, at: &str, m: &Mutant, v: &Verdict, found: &[Finding]) {
    let what = match (v.on_figure.is_empty(), v.stray.is_empty()) {
        (true, true) => "MISSED",
        (true, false) => "MISSED + FALSE ALARM",
        (false, _) => "FALSE ALARM",
    };
    writeln!(
        report,
        "{what} {at}:{} {:?} -> {:?} (claim {:?} -> {:?})",
        m.line, m.from, m.to, m.claim_from, m.claim_to
    )
    .unwrap();
    for f in &v.on_figure {
        writeln!(report, "    on figure: {f}").unwrap();
    }
    for f in &v.stray {
        writeln!(report, "    new elsewhere: {f}").unwrap();
    }
    // For a miss, what the engine did say about the figure (a note that it could not tie the
    // claim to a row, say) is the lead to follow.
    if v.on_figure.is_empty() {
        let said: Vec<&Finding> = found
            .iter()
            .filter(|f| !f.is_error() && f.overlaps(m.line, m.columns))
            .collect();
        if said.is_empty() {
            writeln!(report, "    nothing reported on the figure").unwrap();
        }
        for f in said {
            writeln!(report, "    below error: {f}").unwrap();
        }
    }
}

#[test]
fn mutation_recall_and_precision() {
    let started = Instant::now();
    let root = common::root();
    // The unmutated article and every mutant are run from the same temporary path, so that the
    // article's name and folder cannot be what tells a baseline run from a mutant run.
    let scratch =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("mutation-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("scratch folder can be created");

    let mut table = String::new();
    let mut report = String::new();
    let mut total = Counts::default();
    writeln!(
        table,
        "{:<10} {:>8} {:>5} {:>7} {:>7} {:>6} {:>7} {:>6} {:>9} {:>6} {:>9}",
        "set",
        "articles",
        "right",
        "skipped",
        "mutants",
        "caught",
        "missed",
        "stray",
        "preflag",
        "recall",
        "precision"
    )
    .unwrap();

    for set in SETS {
        let dir = root.join("tests").join(set);
        let mut counts = Counts::default();
        for name in common::article_names(&dir) {
            counts.articles += 1;
            let table_path = format!("tests/{set}/{name}.yaml");
            assert!(
                root.join(&table_path).is_file(),
                "{set}/{name} has no table"
            );
            let original =
                std::fs::read_to_string(dir.join(format!("{name}.md"))).expect("article reads");
            let claims = right_claims(&dir, &name, &original);
            let article_groups = groups_thousands(&original);
            let path = scratch.join(format!("{name}.md"));
            std::fs::write(&path, &original).expect("scratch article writes");
            let baseline = common::check_findings(&path.display().to_string(), &table_path);

            for claim in &claims {
                counts.right += 1;
                let Some(m) = mutant(&original, claim, article_groups) else {
                    counts.skipped += 1;
                    continue;
                };
                counts.mutants += 1;
                if baseline
                    .iter()
                    .any(|f| f.is_error() && f.overlaps(claim.line, m.old_columns))
                {
                    counts.preflagged += 1;
                }

                std::fs::write(&path, &m.article).expect("mutant writes");
                let found = common::check_findings(&path.display().to_string(), &table_path);
                let verdict = judge(&baseline, &found, &m);
                if verdict.caught() {
                    counts.caught += 1;
                } else {
                    describe(
                        &mut report,
                        &format!("{set}/{name}.md"),
                        &m,
                        &verdict,
                        &found,
                    );
                }
                if verdict.on_figure.is_empty() {
                    counts.unflagged += 1;
                }
                if !verdict.stray.is_empty() {
                    counts.false_alarms += 1;
                }
                if verdict.any_new() {
                    counts.any_new += 1;
                }
            }
        }
        assert!(counts.mutants > 0, "{set}: no right claim yielded a mutant");
        writeln!(table, "{}", counts.row(set)).unwrap();
        total.add(&counts);
    }
    writeln!(table, "{}", total.row("TOTAL")).unwrap();
    writeln!(
        table,
        "\nright: claims labelled right; skipped: right claims with no figure to change; \
         caught: an error on the figure and no new error elsewhere; missed: no error on the \
         figure; stray: a new error elsewhere (a false alarm); preflag: the figure already had \
         an error before it was changed"
    )
    .unwrap();
    let _ = std::fs::remove_dir_all(&scratch);

    println!("{table}");
    let target = root.join("target");
    std::fs::create_dir_all(&target).expect("target/ can be created");
    let errors_path = target.join("mutation-errors.txt");
    std::fs::write(&errors_path, format!("{table}\n{report}")).expect("errors file writes");
    println!(
        "missed mutants and false alarms: {} ({:.1} s)",
        errors_path.display(),
        started.elapsed().as_secs_f64()
    );

    let (min_recall, min_precision) = ratchet();
    // A small epsilon so that a ratchet written as the measured value truncated always holds.
    let eps = 1e-9;
    assert!(
        total.recall() + eps >= min_recall && total.precision() + eps >= min_precision,
        "mutation recall {:.4} / precision {:.4} fell below the ratchet {min_recall} / \
         {min_precision}; see {}",
        total.recall(),
        total.precision(),
        errors_path.display()
    );
}

/// The first figure of `text`, changed, in an article that groups thousands.
fn mutated(text: &str) -> String {
    let all = figures(text);
    let figure = all
        .first()
        .unwrap_or_else(|| panic!("no figure in {text:?}"));
    figure.mutated(true)
}

/// The figures of `text` as written.
fn found(text: &str) -> Vec<&str> {
    figures(text)
        .into_iter()
        .map(|f| &text[f.start..f.end])
        .collect()
}

#[test]
fn reprints_digits_in_the_original_style() {
    assert_eq!(mutated("1,910"), "2,483");
    assert_eq!(mutated("331,449,281 residents"), "430,884,065");
    assert_eq!(mutated("2.9 million"), "3.8 million");
    assert_eq!(mutated("1.417 billion"), "1.842 billion");
    assert_eq!(mutated("48%"), "62%");
    assert_eq!(mutated("about 40 percent"), "52 percent");
    // Same decimals as the original: 12 × 1.3 = 15.6 prints as 16.
    assert_eq!(mutated("$12bn"), "$16bn");
    assert_eq!(mutated("£2.5m"), "£3.3m");
    // 0.65 rounds half up.
    assert_eq!(mutated("0.5"), "0.7");
}

#[test]
fn a_change_that_rounds_away_bumps_the_last_digit() {
    assert_eq!(mutated("1"), "2");
    assert_eq!(mutated("0"), "1");
    assert_eq!(mutated("0.0%"), "0.1%");
}

#[test]
fn thousands_follow_the_original_or_the_article() {
    // 769 × 1.3 = 999.7, which rounds to 1000: the article's habit decides the comma.
    let figure = &figures("769")[0];
    assert_eq!(figure.mutated(true), "1,000");
    assert_eq!(figure.mutated(false), "1000");
    // A long figure written without a comma keeps none, whatever the article does.
    assert_eq!(mutated("4879 km"), "6343");
    assert!(groups_thousands("It has 3,417 and 12."));
    assert!(!groups_thousands("It has 3417 and 12, not 2022."));
    assert!(groups_thousands("Only 12 in 2022."));
}

#[test]
fn spelled_numbers_stay_spelled_up_to_twenty() {
    assert_eq!(mutated("three"), "four");
    assert_eq!(mutated("Four riders"), "Five");
    assert_eq!(mutated("won only one"), "two");
    assert_eq!(mutated("eight"), "ten");
    assert_eq!(mutated("twelve"), "sixteen");
    assert_eq!(mutated("sixteen"), "21");
    assert_eq!(mutated("forty"), "52");
    assert_eq!(mutated("a four-title club"), "five");
}

#[test]
fn years_ordinals_and_names_are_not_figures() {
    assert_eq!(found("in 2022"), Vec::<&str>::new());
    // Even where it is a length: a bare 1910 reads as a year first.
    assert_eq!(found("1910 km"), Vec::<&str>::new());
    assert_eq!(found("4.1 million in 2022"), ["4.1 million"]);
    assert_eq!(found("the 2022–23 season"), Vec::<&str>::new());
    assert_eq!(
        found("his 18th title, 3rd place, a third"),
        Vec::<&str>::new()
    );
    assert_eq!(found("the 49ers of the 2060s"), Vec::<&str>::new());
    assert_eq!(found("twice, half, double, an A380"), Vec::<&str>::new());
    // A year with a comma, a sign or a suffix is an amount.
    assert_eq!(found("1,900 km and $2000"), ["1,900", "$2000"]);
    assert_eq!(found("8,027 m"), ["8,027"]);
    assert_eq!(found("89, six points clear"), ["89", "six"]);
}
