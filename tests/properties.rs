//! Properties of the pure functions on arbitrary input (proptest): extraction never panics and
//! its spans are exact, ordered char-boundary slices of the input; the Markdown reading maps
//! into the source; findings never point outside their file; checking is idempotent.

use std::sync::OnceLock;

use claimcheck::claim::Linker;
use claimcheck::rules::Tolerances;
use claimcheck::table::Table;
use claimcheck::{check_source, extract, extract_source, Document, Format};
use proptest::prelude::*;

/// Fragments that the grammar reacts to, to be glued into near-miss inputs.
const FRAGMENTS: &[&str] = &[
    "1",
    "2",
    "0",
    "9",
    "1,2",
    "1,234",
    "3.5",
    ".5",
    "1e6",
    "10 000",
    "2015",
    "2,920",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    ",",
    ".",
    "-",
    "–",
    "−",
    "—",
    "/",
    "%",
    "$",
    "$$",
    "€",
    "£",
    "US$",
    "~",
    "+",
    ">",
    "<",
    "≥",
    "½",
    "¾",
    "⅓",
    "between",
    "and",
    "to",
    "from",
    "about",
    "nearly",
    "more than",
    "at least",
    "up to",
    "fewer than",
    "just over",
    "million",
    "bn",
    "k",
    "thousand",
    "hundred",
    "twenty",
    "-one",
    "a dozen",
    "half",
    "a third",
    "two-thirds",
    "percent",
    "per cent",
    "percentage points",
    "times",
    "twice",
    "tripled",
    "fold",
    "in",
    "since",
    "the",
    "No.",
    "3rd",
    "first",
    "second-largest",
    "top",
    "October",
    "Oct.",
    "24,",
    "1990s",
    "Russia",
    "France",
    "Tunisia",
    "Saudi Arabia",
    "British",
    "fighters",
    "returnees",
    "of",
    "respectively",
    "#",
    ">",
    "*",
    "_",
    "`",
    "[",
    "](x)",
    "<!--",
    "-->",
    "|",
    "---",
    "é",
    "日本",
    "🙂",
    "\u{feff}",
    "\u{200b}",
    "\u{301}",
    "\0",
    "\t",
];

fn fragments() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.concat())
}

/// Arbitrary Unicode, near-miss numerals, or both interleaved.
fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        fragments(),
        prop::collection::vec(prop_oneof![any::<String>(), fragments()], 0..6)
            .prop_map(|v| v.concat()),
    ]
}

fn soufan() -> &'static [Table] {
    static TABLES: OnceLock<Vec<Table>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/soufan-2017.yaml");
        let yaml = std::fs::read_to_string(path).unwrap();
        let mut no_csv = |p: &str| -> Result<String, String> { Err(format!("{p}: no CSV")) };
        vec![Table::from_yaml("data/soufan-2017.yaml", &yaml, &mut no_csv).unwrap()]
    })
}

/// Spans are exact char-boundary slices of `text`, in order and not overlapping.
fn assert_spans(text: &str, quantities: &[claimcheck::Quantity]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for q in quantities {
        prop_assert!(q.start <= q.end && q.end <= text.len(), "{q:?}");
        prop_assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        prop_assert_eq!(q.text.as_str(), &text[q.start..q.end]);
        prop_assert!(q.start >= last_end, "overlaps the one before: {q:?}");
        last_end = q.end;
    }
    Ok(())
}

/// Character counts of each line of `text` (split on `\n`).
fn line_lengths(text: &str) -> Vec<usize> {
    text.split('\n').map(|l| l.chars().count()).collect()
}

fn assert_place(
    text: &str,
    lines: &[usize],
    what: &str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
) -> Result<(), TestCaseError> {
    prop_assert!(start <= end && end <= text.len(), "{what}: {start}..{end}");
    prop_assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}"
    );
    prop_assert!(line >= 1 && line <= lines.len(), "{what}: line {line}");
    prop_assert!(
        column >= 1 && column <= lines[line - 1] + 1,
        "{what}: column {column} of line {line}"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn extract_spans_are_exact(text in input()) {
        let qs = extract(&text);
        assert_spans(&text, &qs)?;
    }

    #[test]
    fn markdown_mapping_stays_on_char_boundaries(text in input()) {
        for format in [Format::Markdown, Format::Plain] {
            let doc = Document::parse(&text, format);
            let mut last = 0;
            for p in 0..=doc.plain.len() {
                if !doc.plain.is_char_boundary(p) {
                    continue;
                }
                let s = doc.to_source(p);
                let e = doc.to_source_end(p);
                prop_assert!(s <= text.len() && text.is_char_boundary(s), "{p} → {s}");
                prop_assert!(e <= text.len() && text.is_char_boundary(e), "{p} → end {e}");
                prop_assert!(s >= last || p == 0, "to_source went back at {p}: {s} < {last}");
                last = s;
            }
            let lines = line_lengths(&text);
            for q in extract_source(&text, format) {
                assert_place(&text, &lines, &q.text, q.start, q.end, q.line, q.column)?;
                prop_assert_eq!(q.text.as_str(), &text[q.start..q.end]);
            }
        }
    }

    #[test]
    fn findings_stay_inside_the_file_and_checking_is_idempotent(text in input()) {
        let tables = soufan();
        let linker = Linker::new(tables);
        let tol = Tolerances::default();
        let lines = line_lengths(&text);
        for format in [Format::Markdown, Format::Plain] {
            let first = check_source("a.md", &text, format, &linker, tables, &tol);
            for f in &first.findings {
                assert_place(&text, &lines, &f.message, f.start, f.end, f.line, f.column)?;
                prop_assert!(f.end_line >= f.line && f.end_line <= lines.len(), "{f:?}");
                if let Some(r) = &f.related {
                    assert_place(&text, &lines, "related", r.start, r.end, r.line, r.column)?;
                }
            }
            for c in &first.claims {
                assert_place(&text, &lines, &c.text, c.start, c.end, c.line, c.column)?;
            }
            let again = check_source("a.md", &text, format, &linker, tables, &tol);
            prop_assert_eq!(format!("{first:?}"), format!("{again:?}"));
        }
    }
}
