//! Precision and recall of `check` on labelled journalism.
//!
//! Each article `tests/labelled/<name>.md` restates figures from a real public source held in
//! `tests/labelled/<name>.yaml`. `tests/labelled/<name>.labels.tsv` lists every figure-bearing
//! claim of the article, labelled by a reader before claimcheck was run:
//!
//! ```text
//! line<TAB>text of the claim as it appears on that line<TAB>right|wrong|unverifiable<TAB>note
//! ```
//!
//! A claim is predicted wrong when an error-level finding on its line overlaps its text. An
//! error finding that overlaps no labelled claim is a false positive too. The test fails when
//! precision or recall falls below `tests/labelled/ratchet.txt`; every false positive and false
//! negative is written to `target/labelled-errors.txt`.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::{root, Finding};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Right,
    Wrong,
    Unverifiable,
}

#[derive(Debug)]
struct Claim {
    line: usize,
    text: String,
    label: Label,
    note: String,
    /// 1-based character columns on `line`, end exclusive.
    columns: (usize, usize),
}

#[derive(Default, Clone, Copy)]
struct Counts {
    claims: usize,
    right: usize,
    wrong: usize,
    unverifiable: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.claims += o.claims;
        self.right += o.right;
        self.wrong += o.wrong;
        self.unverifiable += o.unverifiable;
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }

    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

/// The labels of `name`, with the column range of each claim's text on its line.
fn labels(dir: &Path, name: &str, article: &str) -> Vec<Claim> {
    let path = dir.join(format!("{name}.labels.tsv"));
    let tsv = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let lines: Vec<&str> = article
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut claims = Vec::new();
    for (i, row) in tsv.lines().enumerate() {
        if row.trim().is_empty() || row.starts_with('#') {
            continue;
        }
        let at = format!("{}:{}", path.display(), i + 1);
        let fields: Vec<&str> = row.split('\t').collect();
        assert!(fields.len() >= 3, "{at}: expected line, text, label, note");
        let line: usize = fields[0]
            .parse()
            .unwrap_or_else(|_| panic!("{at}: bad line number {:?}", fields[0]));
        let text = fields[1].to_owned();
        let label = match fields[2] {
            "right" => Label::Right,
            "wrong" => Label::Wrong,
            "unverifiable" => Label::Unverifiable,
            other => panic!("{at}: unknown label {other:?}"),
        };
        let note = fields.get(3).copied().unwrap_or_default().to_owned();
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
        let start = source[..byte].chars().count() + 1;
        let end = start + text.chars().count();
        claims.push(Claim {
            line,
            text,
            label,
            note,
            columns: (start, end),
        });
    }
    assert!(!claims.is_empty(), "{}: no labels", path.display());
    claims
}

/// The error-level findings of `check` on `name`.
fn errors(set: &str, name: &str) -> Vec<Finding> {
    let article = format!("tests/{set}/{name}.md");
    let table = format!("tests/{set}/{name}.yaml");
    let mut found = common::check_findings(&article, &table);
    found.retain(Finding::is_error);
    found
}

fn ratchet(dir: &Path) -> (f64, f64) {
    common::ratchet(&dir.join("ratchet.txt"), ("precision", "recall"))
}

#[test]
fn precision_and_recall_on_labelled_articles() {
    measure("labelled");
}

/// The second set was written after the engine and measured once before any change was made
/// for it (precision 0.40, recall 0.50); it is kept to show how claimcheck fares on articles
/// it was not tuned on, with a ratchet of its own.
#[test]
fn precision_and_recall_on_held_out_articles() {
    measure("heldout");
}

fn measure(set: &str) {
    let dir = root().join("tests").join(set);
    let names = common::article_names(&dir);
    assert!(
        names.len() >= 6,
        "expected at least 6 labelled articles, found {names:?}"
    );

    let mut table = String::new();
    let mut report = String::new();
    let mut total = Counts::default();
    writeln!(
        table,
        "{:<28} {:>6} {:>5} {:>5} {:>5} {:>4} {:>4} {:>4} {:>9} {:>6}",
        "article", "claims", "right", "wrong", "unver", "TP", "FP", "FN", "precision", "recall"
    )
    .unwrap();

    for name in &names {
        let md = dir.join(format!("{name}.md"));
        let yaml = dir.join(format!("{name}.yaml"));
        assert!(
            yaml.is_file(),
            "{} has no table {}",
            md.display(),
            yaml.display()
        );
        let article = std::fs::read_to_string(&md).expect("article reads");
        let claims = labels(&dir, name, &article);
        let findings = errors(set, name);

        let mut c = Counts {
            claims: claims.len(),
            ..Counts::default()
        };
        for claim in &claims {
            match claim.label {
                Label::Right => c.right += 1,
                Label::Wrong => c.wrong += 1,
                Label::Unverifiable => c.unverifiable += 1,
            }
            let hits: Vec<&Finding> = findings
                .iter()
                .filter(|f| f.overlaps(claim.line, claim.columns))
                .collect();
            let predicted = !hits.is_empty();
            let label = match claim.label {
                Label::Right => "right",
                Label::Wrong => "wrong",
                Label::Unverifiable => "unverifiable",
            };
            match (claim.label, predicted) {
                (Label::Wrong, true) => c.tp += 1,
                (Label::Wrong, false) => {
                    c.fn_ += 1;
                    writeln!(
                        report,
                        "FN {name}.md:{}:{} {:?} (labelled wrong: {})",
                        claim.line, claim.columns.0, claim.text, claim.note
                    )
                    .unwrap();
                }
                (_, true) => {
                    c.fp += 1;
                    for f in hits {
                        writeln!(
                            report,
                            "FP {name}.md:{}:{} {:?} (labelled {label}: {}) <- {} {:?}: {}",
                            claim.line,
                            claim.columns.0,
                            claim.text,
                            claim.note,
                            f.rule,
                            f.text,
                            f.message
                        )
                        .unwrap();
                    }
                }
                (_, false) => {}
            }
        }
        for f in &findings {
            if !claims.iter().any(|cl| f.overlaps(cl.line, cl.columns)) {
                c.fp += 1;
                writeln!(
                    report,
                    "FP {name}.md:{}:{} {:?} (no labelled claim) <- {}: {}",
                    f.line, f.column, f.text, f.rule, f.message
                )
                .unwrap();
            }
        }

        writeln!(
            table,
            "{:<28} {:>6} {:>5} {:>5} {:>5} {:>4} {:>4} {:>4} {:>9.3} {:>6.3}",
            name,
            c.claims,
            c.right,
            c.wrong,
            c.unverifiable,
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall()
        )
        .unwrap();
        total.add(&c);
    }
    writeln!(
        table,
        "{:<28} {:>6} {:>5} {:>5} {:>5} {:>4} {:>4} {:>4} {:>9.3} {:>6.3}",
        "TOTAL",
        total.claims,
        total.right,
        total.wrong,
        total.unverifiable,
        total.tp,
        total.fp,
        total.fn_,
        total.precision(),
        total.recall()
    )
    .unwrap();
    println!("{table}");

    let target = root().join("target");
    std::fs::create_dir_all(&target).expect("target/ can be created");
    let errors_path = target.join(format!("{set}-errors.txt"));
    std::fs::write(&errors_path, format!("{table}\n{report}")).expect("errors file writes");
    println!("false positives and negatives: {}", errors_path.display());

    let (min_precision, min_recall) = ratchet(&dir);
    // A small epsilon so that a ratchet written as the measured value rounded down always holds.
    let eps = 1e-9;
    assert!(
        total.precision() + eps >= min_precision && total.recall() + eps >= min_recall,
        "precision {:.4} / recall {:.4} fell below the ratchet {min_precision} / {min_recall}; \
         see {}\n{report}",
        total.precision(),
        total.recall(),
        errors_path.display()
    );
}

/// The third set (`tests/heldout2/`) was written after the engine, labelled before claimcheck
/// was run on it, and measured once; nothing in the engine was tuned on it. Its ratchet is
/// that first measurement rounded down.
#[test]
fn precision_and_recall_on_second_held_out_set() {
    measure("heldout2");
}

/// The fourth set (`tests/heldout3/`) was written after the engine, labelled before claimcheck
/// was run on it, and measured once before any change was made for it. Its ratchet is that
/// first measurement rounded down.
#[test]
fn precision_and_recall_on_third_held_out_set() {
    measure("heldout3");
}

/// The fifth set (`tests/heldout4/`: economy and inflation, health, education) was written and
/// labelled from public sources by someone who had not seen the engine's code or output, and
/// first measured after the evidence model landed: precision 0.324, recall 0.733. General
/// fixes since (a year that dates one figure is not in force, "X (N)" belongs to X, "up from
/// N" is a change's start) raised precision; one catch that rested on a wrong period ("tenth
/// place" read in 2018) is gone. The ratchet is the current figure rounded down.
#[test]
fn precision_and_recall_on_fourth_held_out_set() {
    measure("heldout4");
}

/// The sixth set (`tests/heldout5/`: energy and climate, transport, elections), written,
/// labelled and first measured as the fifth: precision 0.085, recall 0.267.
#[test]
fn precision_and_recall_on_fifth_held_out_set() {
    measure("heldout5");
}

/// The seventh set (`tests/heldout6/`: public debt, tourism, farming, house prices, road
/// safety, trade), written and labelled from public sources by someone who had not seen the
/// engine's code or output; first measured at precision 0.478, recall 0.500. The ratchet is the
/// figure after the general fixes that followed.
#[test]
fn precision_and_recall_on_sixth_held_out_set() {
    measure("heldout6");
}

/// The eighth set (`tests/heldout7/`: spaceflight, phones, mortality, fertility, rail,
/// weather), written and labelled as the seventh; first measured at precision 0.423, recall
/// 0.500.
#[test]
fn precision_and_recall_on_seventh_held_out_set() {
    measure("heldout7");
}

/// The ninth set (`tests/heldout8/`: ports, box office, game consoles, refugees, foreign
/// students, minimum wages), written and labelled as the seventh; first measured at precision
/// 0.440, recall 0.458.
#[test]
fn precision_and_recall_on_eighth_held_out_set() {
    measure("heldout8");
}

/// The tenth set (`tests/heldout9/`: military spending, wine, forests, patents, internet use,
/// vaccination), written and labelled as the seventh; first measured at precision 0.458,
/// recall 0.458.
#[test]
fn precision_and_recall_on_ninth_held_out_set() {
    measure("heldout9");
}

/// The eleventh set (`tests/heldout10/`: steel, electric cars, CO2 emissions, IMF growth
/// forecasts, remittances, nuclear power), written and labelled as the seventh; first measured at
/// precision 0.306, recall 0.458.
#[test]
fn precision_and_recall_on_tenth_held_out_set() {
    measure("heldout10");
}

/// The twelfth set (`tests/heldout11/`: recorded music, malaria, Fortune Global 500, asylum in
/// the EU, the cricket World Cup, prison populations), written and labelled as the seventh;
/// first measured at precision 0.286, recall 0.250.
#[test]
fn precision_and_recall_on_eleventh_held_out_set() {
    measure("heldout11");
}

/// The thirteenth set (`tests/heldout12/`: renewable capacity, coffee exports, rice, foreign
/// direct investment, life insurance, truck registrations), written and labelled as the
/// seventh; first measured at precision 0.565, recall 0.542.
#[test]
fn precision_and_recall_on_twelfth_held_out_set() {
    measure("heldout12");
}

/// Fisheries, tea, homelessness counts, chip sales, Nobel prizes and air quality, written and
/// labelled blind before any run.
#[test]
fn precision_and_recall_on_thirteenth_held_out_set() {
    measure("heldout13");
}

/// Shipbuilding, cinema admissions, honey, state populations, beer and sea ice, written and
/// labelled blind before any run.
#[test]
fn precision_and_recall_on_fourteenth_held_out_set() {
    measure("heldout14");
}

/// Baseball attendance, LNG exports, cocoa, R&D spending, tuberculosis and working hours,
/// written and labelled blind before any run.
#[test]
fn precision_and_recall_on_fifteenth_held_out_set() {
    measure("heldout15");
}

/// Lithium mining, central-bank gold, university rankings, diabetes, container lines and
/// hospital beds, written and labelled blind before any run; first measured at precision
/// 0.423, recall 0.458.
#[test]
fn precision_and_recall_on_sixteenth_held_out_set() {
    measure("heldout16");
}

/// Copper mining, sugar, wildfires, airline passengers, obesity and space budgets, written and
/// labelled blind before any run.
#[test]
fn precision_and_recall_on_seventeenth_held_out_set() {
    measure("heldout17");
}

/// Steel, electric-car sales, tourist arrivals, museum visitors, vaccination coverage and
/// tropical forest loss, written and labelled blind before any run; first measured at precision
/// 0.833, recall 0.625.
#[test]
fn precision_and_recall_on_eighteenth_held_out_set() {
    measure("heldout18");
}

/// Smartphone shipments, military spending, nuclear generation, cement, wheat exports and
/// Olympic medals, written and labelled blind before any run; first measured at precision 0.556,
/// recall 0.625.
#[test]
fn precision_and_recall_on_nineteenth_held_out_set() {
    measure("heldout19");
}

/// Bundesliga table, streaming subscribers, cancer incidence, soybean production, vehicle
/// production and development aid, written and labelled blind before any run; first measured
/// at precision 0.552, recall 0.667 (after a table loader fix: `unit: wins` was taken for a
/// misspelt `mins`).
#[test]
fn precision_and_recall_on_twentieth_held_out_set() {
    measure("heldout20");
}

/// Aluminium smelting, brand values, natural gas, athletics medals, smoking rates and tax
/// revenue, written and labelled blind before any run; first measured at precision 0.727,
/// recall 0.667.
#[test]
fn precision_and_recall_on_twenty_first_held_out_set() {
    measure("heldout21");
}
