//! A deterministic generator of news-like English Markdown and of the reference tables it
//! talks about, for the benchmarks (`benches/`) and `examples/gen_corpus.rs`.
//!
//! No dependencies: a splitmix64 generator seeded by the caller makes the same bytes on every
//! machine. Articles carry about one number every 90 characters: hedged figures ("about",
//! "nearly", "more than"), ranges, years, coordinated subjects, lists under a metric heading,
//! ranks, trends, unrelated figures (percentages, money, dates) and plain sentences between.
//! A configurable share of the figures that restate a table value are deliberately wrong.
//!
//! The tables hold two metrics (`fighters`, `returnees`) for two periods (2015, 2017). Their
//! first entities are real country names, the only ones the articles mention; the rest are
//! `Country N` padding up to the requested number of rows.
#![allow(dead_code)]

use std::fmt::Write as _;

/// splitmix64: small, fast, and good enough to vary text.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5851_f42d_4c95_7f2d)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + (self.next_u64() % (hi - lo + 1))
    }

    /// `true` with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Country names the built-in gazetteer knows, without "and" in them (that would read as two
/// coordinated subjects) and without names contained in others.
pub const COUNTRIES: &[&str] = &[
    "Russia",
    "Saudi Arabia",
    "Jordan",
    "Tunisia",
    "France",
    "Morocco",
    "Uzbekistan",
    "Tajikistan",
    "Azerbaijan",
    "United Kingdom",
    "Kazakhstan",
    "Kyrgyzstan",
    "Turkmenistan",
    "Netherlands",
    "Canada",
    "United States",
    "Germany",
    "Belgium",
    "Austria",
    "Sweden",
    "Denmark",
    "Norway",
    "Finland",
    "Spain",
    "Italy",
    "Portugal",
    "Greece",
    "Turkey",
    "Egypt",
    "Libya",
    "Algeria",
    "Lebanon",
    "Iraq",
    "Syria",
    "Yemen",
    "Oman",
    "Qatar",
    "Kuwait",
    "Bahrain",
    "Iran",
    "Afghanistan",
    "Pakistan",
    "India",
    "Bangladesh",
    "Indonesia",
    "Malaysia",
    "Philippines",
    "Thailand",
    "Vietnam",
    "Japan",
    "China",
    "Mongolia",
    "Australia",
    "New Zealand",
    "Brazil",
    "Argentina",
    "Chile",
    "Peru",
    "Colombia",
    "Venezuela",
    "Ecuador",
    "Bolivia",
    "Paraguay",
    "Uruguay",
    "Mexico",
    "Guatemala",
    "Honduras",
    "Nicaragua",
    "Costa Rica",
    "Panama",
    "Cuba",
    "Jamaica",
    "Haiti",
    "Ireland",
    "Iceland",
    "Poland",
    "Hungary",
    "Romania",
    "Bulgaria",
    "Serbia",
    "Croatia",
    "Slovenia",
    "Slovakia",
    "Albania",
    "Montenegro",
    "North Macedonia",
    "Kosovo",
    "Ukraine",
    "Belarus",
    "Moldova",
    "Georgia",
    "Armenia",
    "Estonia",
    "Latvia",
    "Lithuania",
    "Luxembourg",
    "Switzerland",
    "Malta",
    "Cyprus",
    "Israel",
    "Kenya",
    "Ethiopia",
    "Somalia",
    "Sudan",
    "Uganda",
    "Tanzania",
    "Rwanda",
    "Burundi",
    "Nigeria",
    "Ghana",
    "Senegal",
    "Mali",
    "Mauritania",
    "Chad",
    "Cameroon",
    "Gabon",
    "Angola",
    "Zambia",
    "Zimbabwe",
    "Mozambique",
    "Madagascar",
    "Namibia",
    "Botswana",
    "Nepal",
    "Bhutan",
    "Cambodia",
    "Laos",
    "Myanmar",
    "Singapore",
];

pub const PERIODS: [&str; 2] = ["2015", "2017"];

/// One entity's values: fighters 2015, fighters 2017, returnees 2015, returnees 2017.
#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    pub values: [u64; 4],
}

impl Entity {
    pub fn fighters(&self, period: usize) -> u64 {
        self.values[period]
    }
    pub fn returnees(&self, period: usize) -> u64 {
        self.values[2 + period]
    }
}

/// The reference data: `rows` long-form records, entity-major (entity, metric, period).
pub struct Data {
    pub rows: usize,
    pub entities: Vec<Entity>,
}

impl Data {
    /// `rows` records (1..=1,000,000 or more), four to an entity.
    pub fn new(rows: usize, seed: u64) -> Data {
        let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(7));
        let n = rows.max(1).div_ceil(4);
        let mut entities: Vec<Entity> = (0..n)
            .map(|i| {
                let name = match COUNTRIES.get(i) {
                    Some(c) => c.to_string(),
                    None => format!("Country {}", i + 1),
                };
                let f15 = rng.between(40, 5000);
                let f17 = rng.between(40, 5000);
                let r15 = rng.between(5, f15 / 2 + 5);
                let r17 = rng.between(5, f17 / 2 + 5);
                Entity {
                    name,
                    values: [f15, f17, r15, r17],
                }
            })
            .collect();
        // The first two are the largest and second-largest sources in 2017, so that rank
        // sentences about them are right.
        if let Some(e) = entities.get_mut(0) {
            e.values[1] = 9417;
        }
        if let Some(e) = entities.get_mut(1) {
            e.values[1] = 8244;
        }
        // Pairs (2k+2, 2k+3) have the same 2017 count, for "A and B each have about N".
        for k in (2..entities.len().min(COUNTRIES.len()).saturating_sub(1)).step_by(2) {
            entities[k + 1].values[1] = entities[k].values[1];
        }
        Data { rows, entities }
    }

    /// Entities that articles may mention: real names with all four records.
    pub fn mentionable(&self) -> usize {
        (self.rows / 4)
            .min(COUNTRIES.len())
            .max(1)
            .min(self.entities.len())
    }

    /// The long-form YAML table (`table.yaml`).
    pub fn yaml(&self) -> String {
        let mut out = String::with_capacity(self.rows * 72 + 1024);
        out.push_str(HEADER);
        out.push_str("records:\n");
        let mut left = self.rows;
        'outer: for e in &self.entities {
            for (m, metric) in ["fighters", "returnees"].iter().enumerate() {
                for (p, period) in PERIODS.iter().enumerate() {
                    if left == 0 {
                        break 'outer;
                    }
                    left -= 1;
                    let _ = writeln!(
                        out,
                        "  - {{entity: {}, metric: {metric}, period: {period}, value: {}}}",
                        e.name,
                        e.values[m * 2 + p]
                    );
                }
            }
        }
        out
    }
}

const HEADER: &str = "\
title: Foreign fighters by country of origin (generated)
source: {publisher: claimcheck benchmarks, title: Generated reference table}
current: 2017
entities:
  United Kingdom: [Britain, British, Britons, UK]
metrics:
  fighters: [fighters, foreign fighters, militants, jihadists, travelled, joined]
  returnees: [returnees, returned, came back, gone back]
";

/// A wide-form CSV table of `rows` lines (entity, year, two metrics) and the YAML that
/// describes it (`table-csv.yaml`, naming `csv_name` in the same folder).
pub fn wide_csv(rows: usize, seed: u64, csv_name: &str) -> (String, String) {
    let data = Data::new(rows.div_ceil(2) * 4, seed);
    let mut csv = String::with_capacity(rows * 32 + 64);
    csv.push_str("Country,Year,Fighters,Returnees\n");
    let mut left = rows;
    'outer: for e in &data.entities {
        for (p, period) in PERIODS.iter().enumerate() {
            if left == 0 {
                break 'outer;
            }
            left -= 1;
            let name = &e.name;
            let (f, r) = (e.fighters(p), e.returnees(p));
            let _ = writeln!(csv, "{name},{period},{f},{r}");
        }
    }
    let yaml = format!(
        "title: Foreign fighters by country of origin (generated, wide CSV)
current: 2017
csv: {csv_name}
entity: Country
period_column: Year
metrics:
  fighters: {{column: Fighters, terms: [fighters, foreign fighters, militants, travelled, joined]}}
  returnees: {{column: Returnees, terms: [returnees, returned, came back]}}
"
    );
    (csv, yaml)
}

/// What was generated.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub files: usize,
    pub bytes: usize,
    /// Numeric expressions written (figures, years, dates, percentages…).
    pub numbers: usize,
    /// Figures that restate a table value.
    pub claims: usize,
    /// Of those, the ones deliberately wrong.
    pub wrong: usize,
}

/// The generator's settings.
#[derive(Clone, Debug)]
pub struct Config {
    pub bytes: usize,
    pub files: usize,
    pub rows: usize,
    pub seed: u64,
    /// Share of table figures stated wrong (0.0..=1.0).
    pub wrong: f64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            bytes: 1 << 20,
            files: 1,
            rows: 1000,
            seed: 1,
            wrong: 0.05,
        }
    }
}

/// A generated corpus: the table's data and `files` articles totalling about `bytes`.
pub struct Corpus {
    pub data: Data,
    pub articles: Vec<(String, String)>,
    pub stats: Stats,
}

pub fn corpus(cfg: &Config) -> Corpus {
    let data = Data::new(cfg.rows, cfg.seed);
    let files = cfg.files.max(1);
    let per_file = (cfg.bytes / files).max(200);
    let mut stats = Stats::default();
    let mut articles = Vec::with_capacity(files);
    for i in 0..files {
        let mut w = Writer {
            rng: Rng::new(cfg.seed.wrapping_mul(1_000_003).wrapping_add(i as u64)),
            data: &data,
            wrong: cfg.wrong,
            out: String::with_capacity(per_file + 512),
            stats: &mut stats,
        };
        w.article(per_file);
        let text = w.out;
        stats.files += 1;
        stats.bytes += text.len();
        articles.push((format!("article-{:04}.md", i + 1), text));
    }
    Corpus {
        data,
        articles,
        stats,
    }
}

/// One Markdown text of about `bytes` bytes (the articles of a one-file corpus).
pub fn text(bytes: usize, rows: usize, seed: u64) -> String {
    let cfg = Config {
        bytes,
        files: 1,
        rows,
        seed,
        ..Config::default()
    };
    corpus(&cfg)
        .articles
        .pop()
        .map(|(_, t)| t)
        .unwrap_or_default()
}

/// Writes `n` with thousands separators: 12345 → "12,345".
pub fn commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n` rounded to two significant digits: down, nearest or up.
fn round2(n: u64, mode: i32) -> u64 {
    if n < 100 {
        return n;
    }
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    let q = n / unit;
    let r = n % unit;
    let q = match mode {
        m if m < 0 => q,
        0 => q + u64::from(r * 2 >= unit),
        _ => q + u64::from(r > 0),
    };
    q * unit
}

const FILLER: &[&str] = &[
    "Officials declined to comment on the figures.",
    "The report draws on government records, court documents and interviews.",
    "Analysts caution that such estimates are hard to verify.",
    "Security services in the region have shared more information since then.",
    "The authors say the picture is still changing.",
    "Many of those who travelled were young men from poor neighbourhoods.",
    "Some governments publish their own counts, others do not.",
    "The study was funded by a private foundation.",
    "Critics argue that the methodology leaves out women and children.",
    "Border controls have tightened considerably across Europe.",
    "Researchers interviewed families, lawyers and former officials.",
    "The ministry said it was reviewing the findings.",
    "Local reporters describe a steady flow of people across the border.",
    "Prosecutors have brought charges in several high-profile cases.",
    "The government has not released updated estimates.",
    "A spokesperson said the numbers were broadly in line with internal assessments.",
];

const TITLES: &[&str] = &[
    "Where the foreign fighters came from",
    "Returnees pose a new challenge for security services",
    "A new count of foreign fighters",
    "The long road home",
    "Counting the fighters who left",
];

const HEADINGS: &[&str] = &[
    "## Returnees",
    "## Who came back",
    "## Returnees by country",
];

struct Writer<'a> {
    rng: Rng,
    data: &'a Data,
    wrong: f64,
    out: String,
    stats: &'a mut Stats,
}

impl Writer<'_> {
    fn entity(&mut self) -> usize {
        self.rng.below(self.data.mentionable())
    }

    /// A table value as stated in an article: right (with a hedge that still holds) or, with
    /// the configured probability, plainly wrong.
    fn figure(&mut self, v: u64, hedged: bool) -> String {
        self.stats.claims += 1;
        self.stats.numbers += 1;
        if self.rng.chance(self.wrong) {
            self.stats.wrong += 1;
            // 30 % off: outside every hedge's tolerance.
            let w = if self.rng.chance(0.5) {
                v * 13 / 10 + 1
            } else {
                v * 7 / 10
            };
            return commas(w);
        }
        if !hedged || v < 100 {
            return commas(v);
        }
        match self.rng.below(4) {
            0 => format!("about {}", commas(round2(v, 0))),
            1 => format!("nearly {}", commas(round2(v, 1))),
            2 => {
                let mut low = round2(v, -1);
                if low == v {
                    low = round2(v - 1, -1);
                }
                format!("more than {}", commas(low))
            }
            _ => commas(v),
        }
    }

    fn filler(&mut self) {
        let s = *self.rng.pick(FILLER);
        self.out.push_str(s);
        self.out.push(' ');
    }

    /// One sentence with numbers in it.
    fn sentence(&mut self) {
        let e = self.entity();
        let ent = self.data.entities[e].clone();
        let name = ent.name.as_str();
        match self.rng.below(12) {
            0 | 1 => {
                let v = self.figure(ent.fighters(1), true);
                let _ = write!(self.out, "{name} now has {v} fighters in Syria and Iraq. ");
            }
            2 => {
                let v = self.figure(ent.fighters(0), false);
                self.stats.numbers += 1;
                let _ = write!(
                    self.out,
                    "In 2015, {v} militants from {name} joined the group. "
                );
            }
            3 => {
                let v = ent.fighters(1);
                let lo = round2(v * 85 / 100, -1);
                let hi = round2(v * 115 / 100, 1).max(lo + 10);
                self.stats.claims += 1;
                self.stats.numbers += 1;
                let _ = write!(
                    self.out,
                    "Between {} and {} fighters came from {name}, the report says. ",
                    commas(lo),
                    commas(hi)
                );
            }
            4 => {
                // Coordinated subjects with the same count.
                let m = self.data.mentionable();
                let k = 2 + 2 * self.rng.below((m.saturating_sub(2) / 2).max(1));
                if k + 1 < m {
                    let a = self.data.entities[k].name.clone();
                    let b = self.data.entities[k + 1].name.clone();
                    let v = self.figure(self.data.entities[k].fighters(1), true);
                    let _ = write!(self.out, "{a} and {b} each have {v} fighters abroad. ");
                } else {
                    let v = self.figure(ent.fighters(1), true);
                    let _ = write!(self.out, "{name} has {v} fighters abroad. ");
                }
            }
            5 => {
                let (a, b) = (ent.fighters(0), ent.fighters(1));
                let verb = if b >= a { "rose" } else { "fell" };
                let a = self.figure(a, false);
                let b = self.figure(b, true);
                self.stats.numbers += 1;
                let _ = write!(
                    self.out,
                    "The number of fighters from {name} {verb} from {a} in 2015 to {b}. "
                );
            }
            6 => {
                let v = self.figure(ent.returnees(1), true);
                let _ = write!(self.out, "{name} has seen {v} returnees so far. ");
            }
            7 => {
                if self.data.mentionable() >= 2 && self.rng.chance(0.5) {
                    let top = self.data.entities[0].name.clone();
                    let second = self.data.entities[1].name.clone();
                    let v = self.figure(self.data.entities[0].fighters(1), true);
                    let _ = write!(
                        self.out,
                        "{top} is the largest source of foreign fighters, with {v}, and {second} is the second-largest. "
                    );
                } else {
                    let pct = self.rng.between(5, 95);
                    self.stats.numbers += 2;
                    let _ = write!(
                        self.out,
                        "Turnout reached {pct}% in the 2015 election, officials said. "
                    );
                }
            }
            8 => {
                let m = self.rng.between(11, 99);
                let d = self.rng.between(1, 28);
                self.stats.numbers += 2;
                let month = *self.rng.pick(&["January", "March", "June", "October"]);
                let _ = write!(
                    self.out,
                    "The resettlement programme cost ${}.{} million, according to a statement dated {month} {d}, 2017. ",
                    m / 10,
                    m % 10
                );
            }
            9 => {
                self.stats.numbers += 1;
                let _ = write!(
                    self.out,
                    "Nearly two-thirds of those surveyed said they felt safer than in 2015. "
                );
            }
            10 => {
                let n = self.rng.between(2, 40);
                self.stats.numbers += 1;
                let _ = write!(
                    self.out,
                    "Police in {name} have made {n} arrests linked to the network. "
                );
            }
            _ => {
                let v = self.figure(ent.fighters(1), true);
                let _ = write!(
                    self.out,
                    "Officials estimate that {v} jihadists from {name} are still at large. "
                );
            }
        }
    }

    fn list(&mut self) {
        let heading = *self.rng.pick(HEADINGS);
        let _ = write!(
            self.out,
            "\n\n{heading}\n\nReturnees so far, by country of origin:\n\n"
        );
        for _ in 0..self.rng.between(3, 6) {
            let e = self.entity();
            let name = self.data.entities[e].name.clone();
            let v = self.figure(self.data.entities[e].returnees(1), false);
            let _ = writeln!(self.out, "- {name}: {v}");
        }
        self.out.push('\n');
    }

    fn article(&mut self, bytes: usize) {
        let title = *self.rng.pick(TITLES);
        let _ = write!(self.out, "# {title}\n\n");
        let start_numbers = self.stats.numbers;
        while self.out.len() < bytes {
            for _ in 0..self.rng.between(2, 4) {
                self.sentence();
                // About one number every 90 characters: plain sentences fill the gap.
                while self.out.len() < (self.stats.numbers - start_numbers) * 90 {
                    self.filler();
                }
            }
            self.out.pop();
            self.out.push_str("\n\n");
            if self.rng.chance(0.12) {
                self.list();
            }
        }
    }
}
