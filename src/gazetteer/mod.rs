//! A built-in gazetteer: countries, regions and "the world", with their names, aliases, ISO
//! 3166-1 codes and demonyms, so that "3,417 Russian nationals" or "Jordan now has 3,000" can be
//! tied to the rows of a reference table by entity.
//!
//! The data lives in `places.tsv` next to this file (tab-separated, one place per line, `#`
//! comments allowed):
//!
//! ```text
//! kind  name  iso2  iso3  aliases (;-separated)  demonyms (;-separated)
//! ```
//!
//! It is compiled into the crate and parsed once, on first use of [`Gazetteer::builtin`].
//!
//! # Matching rule
//!
//! [`Gazetteer::lookup`] takes a name as written in an article. Before matching, typographic
//! apostrophes (`’`, `‘`, `ʼ`) become `'`, runs of whitespace become one space, and one leading
//! "the" is dropped ("the Netherlands" → "Netherlands"). Then each form of the gazetteer matches
//! under one of three case rules, chosen from how the form is spelled in the data:
//!
//! * **Exact** — ISO codes ("US", "GBR") and acronyms (forms with capitals but no lowercase
//!   letters: "U.S.", "UAE", "DRC", "EU") match only when written exactly so, never as "us",
//!   "Us" or "in".
//! * **Capitalised** — single-word forms spelled with an initial capital ("Turkey", "Chad",
//!   "Polish", "Russian") match case-insensitively, but only when the written word starts with
//!   an uppercase letter: "Turkey" and "TURKEY" match, "turkey" and "chad" do not.
//! * **Any case** — multi-word forms ("United States", "Middle East") and forms spelled in
//!   lowercase in the data ("worldwide", "globally", "eurozone") match case-insensitively.
//!
//! The rule applies after the leading "the" is dropped, so "the netherlands" does not match but
//! "the Netherlands" and "The Netherlands" do.

use std::collections::HashMap;
use std::sync::OnceLock;

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    /// A sovereign state, UN observer state or commonly reported territory (Taiwan, Kosovo,
    /// Hong Kong, Palestine, Macau).
    Country,
    /// A region or group of countries used in journalism (Middle East, EU, OECD, Chechnya…).
    Region,
    /// The whole world ("World", "worldwide", "globally", "all countries").
    World,
}

/// One place of the gazetteer.
#[derive(Debug)]
pub struct Place {
    pub kind: PlaceKind,
    /// The canonical name ("United Kingdom", "Ivory Coast", "Middle East").
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 code; every country has one, regions and the world do not.
    pub iso2: Option<&'static str>,
    /// ISO 3166-1 alpha-3 code; every country has one, regions and the world do not.
    pub iso3: Option<&'static str>,
    /// Other names ("UK", "Britain", "Great Britain").
    pub aliases: Vec<&'static str>,
    /// Adjectives and nouns for the people ("British", "Briton", "Britons", "Brits").
    pub demonyms: Vec<&'static str>,
}

/// How a place was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameForm {
    /// The canonical name.
    Name,
    /// An alias.
    Alias,
    /// An ISO 3166-1 alpha-2 or alpha-3 code.
    Code,
    /// A demonym.
    Demonym,
}

/// How the case of a written form must agree with the form in the data (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    Exact,
    Capitalised,
    AnyCase,
}

/// One written form of a place, as stored in the index.
#[derive(Debug)]
struct Form {
    text: &'static str,
    place: usize,
    form: NameForm,
    rule: CaseRule,
    /// The normalised text with the leading "the" dropped, in its original case.
    bare: String,
}

/// A set of places indexed by every written form.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    forms: Vec<Form>,
    /// Lowercased normalised form → indexes into `forms`, best form first.
    by_key: HashMap<String, Vec<usize>>,
    max_words: usize,
}

const BUILTIN_DATA: &str = include_str!("places.tsv");

impl Gazetteer {
    /// The gazetteer compiled into the crate, parsed on first use. Lines of the data that do
    /// not parse are skipped (the tests check that there are none).
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| Gazetteer::from_places(parse(BUILTIN_DATA).0))
    }

    /// Resolves a name as written: names, aliases and demonyms match case-insensitively (with
    /// or without a leading "the"), ISO codes only when written in capitals ("US", "GBR" —
    /// never "us", "in"), and typographic apostrophes ’ equal '.
    ///
    /// Single words spelled with a capital in the data ("Turkey", "Chad", "Polish") match only
    /// when written with an initial capital, and acronyms ("U.S.", "UAE") only when written in
    /// capitals; see the module docs for the full rule.
    pub fn lookup(&self, written: &str) -> Option<(&Place, NameForm)> {
        let bare = strip_the(&normalise(written));
        let key = bare.to_lowercase();
        let candidates = self.by_key.get(&key)?;
        let starts_upper = bare.chars().next().is_some_and(char::is_uppercase);
        candidates.iter().find_map(|&i| {
            let form = self.forms.get(i)?;
            let ok = match form.rule {
                CaseRule::Exact => form.bare == bare,
                CaseRule::Capitalised => starts_upper,
                CaseRule::AnyCase => true,
            };
            if ok {
                Some((self.places.get(form.place)?, form.form))
            } else {
                None
            }
        })
    }

    /// Every written form (name, aliases, codes, demonyms) with its place, for building a
    /// matcher. Forms are spelled as in the data (some start with "the", which
    /// [`lookup`](Self::lookup) treats as optional); a spelling repeated within one place (the
    /// alias "US" and the code "US") is given once, with the first of name, alias, demonym,
    /// code.
    pub fn forms(&self) -> impl Iterator<Item = (&'static str, &Place, NameForm)> + '_ {
        self.forms
            .iter()
            .filter_map(|f| Some((f.text, self.places.get(f.place)?, f.form)))
    }

    /// The longest number of whitespace-separated words in any form (for a longest-match
    /// scanner). A leading "the" that is not part of a form is not counted, so a scanner that
    /// also wants to consume it should look one word further.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// All places, in the order of the data.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    fn from_places(places: Vec<Place>) -> Gazetteer {
        let mut forms: Vec<Form> = Vec::new();
        for (index, place) in places.iter().enumerate() {
            let mut seen: Vec<&str> = Vec::new();
            let listed = std::iter::once((place.name, NameForm::Name))
                .chain(place.aliases.iter().map(|&a| (a, NameForm::Alias)))
                .chain(place.demonyms.iter().map(|&d| (d, NameForm::Demonym)))
                .chain(place.iso2.map(|c| (c, NameForm::Code)))
                .chain(place.iso3.map(|c| (c, NameForm::Code)));
            for (text, form) in listed {
                if text.is_empty() || seen.contains(&text) {
                    continue;
                }
                seen.push(text);
                let bare = strip_the(&normalise(text));
                let rule = case_rule(&bare, form);
                forms.push(Form {
                    text,
                    place: index,
                    form,
                    rule,
                    bare,
                });
            }
        }
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, form) in forms.iter().enumerate() {
            by_key.entry(form.bare.to_lowercase()).or_default().push(i);
        }
        for candidates in by_key.values_mut() {
            candidates.sort_by_key(|&i| forms.get(i).map_or(u8::MAX, |f| precedence(f.form)));
        }
        let max_words = forms
            .iter()
            .map(|f| f.text.split_whitespace().count())
            .max()
            .unwrap_or(0);
        Gazetteer {
            places,
            forms,
            by_key,
            max_words,
        }
    }
}

/// The order in which forms sharing a key are tried.
fn precedence(form: NameForm) -> u8 {
    match form {
        NameForm::Name => 0,
        NameForm::Alias => 1,
        NameForm::Demonym => 2,
        NameForm::Code => 3,
    }
}

fn case_rule(bare: &str, form: NameForm) -> CaseRule {
    let has_upper = bare.chars().any(char::is_uppercase);
    let has_lower = bare.chars().any(char::is_lowercase);
    if form == NameForm::Code || (has_upper && !has_lower) {
        CaseRule::Exact
    } else if !bare.contains(' ') && bare.chars().next().is_some_and(char::is_uppercase) {
        CaseRule::Capitalised
    } else {
        CaseRule::AnyCase
    }
}

/// Typographic apostrophes become `'`; whitespace is collapsed and trimmed.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            c => c,
        }));
    }
    out
}

/// Drops one leading "the " (any case), unless nothing would be left.
fn strip_the(text: &str) -> String {
    match text.get(..4) {
        Some(head) if head.eq_ignore_ascii_case("the ") => match text.get(4..) {
            Some(rest) if !rest.is_empty() => rest.to_string(),
            _ => text.to_string(),
        },
        _ => text.to_string(),
    }
}

/// A line of the data that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ParseError {
    line: usize,
    message: String,
}

/// Parses the tab-separated data; bad lines are reported and skipped.
fn parse(data: &'static str) -> (Vec<Place>, Vec<ParseError>) {
    let mut places = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in data.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        match parse_line(line) {
            Ok(place) => places.push(place),
            Err(message) => errors.push(ParseError {
                line: n + 1,
                message,
            }),
        }
    }
    (places, errors)
}

fn parse_line(line: &'static str) -> Result<Place, String> {
    let fields: Vec<&'static str> = line.split('\t').map(str::trim).collect();
    if fields.len() > 6 {
        return Err(format!("{} fields, expected at most 6", fields.len()));
    }
    let field = |i: usize| -> Option<&'static str> {
        fields
            .get(i)
            .copied()
            .filter(|f| !f.is_empty() && *f != "-")
    };
    let kind = match field(0) {
        Some("country") => PlaceKind::Country,
        Some("region") => PlaceKind::Region,
        Some("world") => PlaceKind::World,
        other => return Err(format!("unknown kind {other:?}")),
    };
    let name = field(1).ok_or("missing name")?;
    let iso2 = field(2);
    let iso3 = field(3);
    let code_ok = |code: Option<&str>, len: usize| {
        code.is_none_or(|c| c.len() == len && c.bytes().all(|b| b.is_ascii_uppercase()))
    };
    if !code_ok(iso2, 2) || !code_ok(iso3, 3) {
        return Err(format!("bad ISO code in {iso2:?} / {iso3:?}"));
    }
    let list = |i: usize| -> Vec<&'static str> {
        field(i)
            .map(|f| {
                f.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    };
    Ok(Place {
        kind,
        name,
        iso2,
        iso3,
        aliases: list(4),
        demonyms: list(5),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::builtin()
    }

    fn place(written: &str) -> Option<&'static str> {
        g().lookup(written).map(|(p, _)| p.name)
    }

    fn resolves(written: &str, name: &str, form: NameForm) {
        let found = g().lookup(written).map(|(p, f)| (p.name, f));
        assert_eq!(found, Some((name, form)), "lookup({written:?})");
    }

    #[test]
    fn names() {
        resolves("Russia", "Russia", NameForm::Name);
        resolves("Jordan", "Jordan", NameForm::Name);
        resolves("United States", "United States", NameForm::Name);
        resolves("united states", "United States", NameForm::Name);
        resolves("the United Kingdom", "United Kingdom", NameForm::Name);
        resolves("The Gambia", "Gambia", NameForm::Name);
        resolves("Turkey", "Turkey", NameForm::Name);
        resolves("TURKEY", "Turkey", NameForm::Name);
        resolves("  Saudi   Arabia ", "Saudi Arabia", NameForm::Name);
        resolves("Middle East", "Middle East", NameForm::Name);
        resolves("the Middle East", "Middle East", NameForm::Name);
    }

    #[test]
    fn aliases() {
        resolves("Britain", "United Kingdom", NameForm::Alias);
        resolves("U.S.", "United States", NameForm::Alias);
        resolves("America", "United States", NameForm::Alias);
        resolves("the Netherlands", "Netherlands", NameForm::Name);
        resolves("The Netherlands", "Netherlands", NameForm::Name);
        resolves("Holland", "Netherlands", NameForm::Alias);
        resolves("Czechia", "Czech Republic", NameForm::Alias);
        resolves("Côte d'Ivoire", "Ivory Coast", NameForm::Alias);
        resolves("Côte d’Ivoire", "Ivory Coast", NameForm::Alias);
        resolves("Burma", "Myanmar", NameForm::Alias);
        resolves("Türkiye", "Turkey", NameForm::Alias);
        resolves("DRC", "Democratic Republic of the Congo", NameForm::Alias);
        resolves("UAE", "United Arab Emirates", NameForm::Alias);
        resolves("KSA", "Saudi Arabia", NameForm::Alias);
        resolves("Bosnia", "Bosnia and Herzegovina", NameForm::Alias);
        resolves(
            "Congo-Brazzaville",
            "Republic of the Congo",
            NameForm::Alias,
        );
        resolves("EU", "European Union", NameForm::Alias);
        resolves("the West", "the West", NameForm::Name);
        resolves(
            "former Soviet republics",
            "former Soviet Union",
            NameForm::Alias,
        );
        assert_eq!(place("Korea"), None);
        assert_eq!(place("Congo"), None);
    }

    #[test]
    fn demonyms() {
        for (written, name) in [
            ("Russian", "Russia"),
            ("Russians", "Russia"),
            ("Britons", "United Kingdom"),
            ("British", "United Kingdom"),
            ("Saudi", "Saudi Arabia"),
            ("Saudis", "Saudi Arabia"),
            ("Dutch", "Netherlands"),
            ("Tajik", "Tajikistan"),
            ("Uzbek", "Uzbekistan"),
            ("Americans", "United States"),
            ("Moroccan", "Morocco"),
            ("Azeris", "Azerbaijan"),
            ("Kosovar", "Kosovo"),
            ("Filipinos", "Philippines"),
            ("Congolese", "Democratic Republic of the Congo"),
            ("European", "Europe"),
            ("Middle Eastern", "Middle East"),
        ] {
            resolves(written, name, NameForm::Demonym);
        }
        let (chechnya, form) = g().lookup("Chechen").expect("Chechen");
        assert_eq!(
            (chechnya.name, chechnya.kind, form),
            ("Chechnya", PlaceKind::Region, NameForm::Demonym)
        );
        assert_eq!(
            g().lookup("European").map(|(p, _)| p.kind),
            Some(PlaceKind::Region)
        );
    }

    #[test]
    fn codes_only_in_capitals() {
        resolves("GB", "United Kingdom", NameForm::Code);
        resolves("GBR", "United Kingdom", NameForm::Code);
        resolves("DEU", "Germany", NameForm::Code);
        assert_eq!(place("US"), Some("United States"));
        assert_eq!(place("USA"), Some("United States"));
        for lower in [
            "us", "Us", "gb", "gbr", "in", "In", "it", "no", "usa", "u.s.", "uae", "eu",
        ] {
            assert_eq!(place(lower), None, "lookup({lower:?})");
        }
        resolves("IN", "India", NameForm::Code);
    }

    #[test]
    fn lowercase_common_words_do_not_match() {
        for lower in [
            "turkey",
            "chad",
            "china",
            "jordan",
            "polish",
            "guinea",
            "niger",
            "georgia",
            "japan",
            "west",
            "the west",
            "world",
            "the netherlands",
            "american",
        ] {
            assert_eq!(place(lower), None, "lookup({lower:?})");
        }
        assert_eq!(place("Chad"), Some("Chad"));
        assert_eq!(place("Polish"), Some("Poland"));
    }

    #[test]
    fn world() {
        for written in [
            "World",
            "worldwide",
            "Worldwide",
            "globally",
            "all countries",
            "the world over",
        ] {
            let (p, _) = g().lookup(written).expect(written);
            assert_eq!(p.kind, PlaceKind::World, "lookup({written:?})");
        }
    }

    #[test]
    fn junk_does_not_match_or_panic() {
        for junk in [
            "", " ", "the", "The ", "the the", "’", "3,417", "Atlantis", "é", "THE US",
        ] {
            let _ = g().lookup(junk);
        }
        assert_eq!(place(""), None);
        assert_eq!(place("the"), None);
        assert_eq!(place("Atlantis"), None);
        assert_eq!(place("The US"), Some("United States"));
    }

    #[test]
    fn every_line_parses() {
        let (places, errors) = parse(BUILTIN_DATA);
        assert_eq!(errors, Vec::new());
        assert_eq!(places.len(), g().places().len());
    }

    #[test]
    fn no_form_maps_to_two_places() {
        let mut owner: HashMap<String, &str> = HashMap::new();
        let mut clashes = Vec::new();
        for (text, p, _) in g().forms() {
            let key = strip_the(&normalise(text)).to_lowercase();
            match owner.get(&key) {
                Some(&other) if other != p.name => {
                    clashes.push(format!("{text}: {other} / {}", p.name))
                }
                _ => {
                    owner.insert(key, p.name);
                }
            }
        }
        assert_eq!(clashes, Vec::<String>::new());
        let mut names: Vec<&str> = g().places().iter().map(|p| p.name).collect();
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n, "duplicate place names");
    }

    #[test]
    fn every_form_looks_up_to_its_place() {
        for (text, p, _) in g().forms() {
            let found = g().lookup(text).map(|(q, _)| q.name);
            assert_eq!(found, Some(p.name), "lookup({text:?})");
        }
    }

    #[test]
    fn countries_have_codes() {
        let countries: Vec<&Place> = g()
            .places()
            .iter()
            .filter(|p| p.kind == PlaceKind::Country)
            .collect();
        assert!(countries.len() >= 190, "{} countries", countries.len());
        let mut codes = Vec::new();
        for c in &countries {
            let (Some(iso2), Some(iso3)) = (c.iso2, c.iso3) else {
                panic!("{} has no ISO codes", c.name);
            };
            assert_eq!((iso2.len(), iso3.len()), (2, 3), "{}", c.name);
            codes.push(iso2);
            codes.push(iso3);
        }
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n, "duplicate ISO codes");
        for p in g().places().iter().filter(|p| p.kind != PlaceKind::Country) {
            assert_eq!((p.iso2, p.iso3), (None, None), "{}", p.name);
        }
        assert_eq!(
            g().places()
                .iter()
                .filter(|p| p.kind == PlaceKind::World)
                .count(),
            1
        );
    }

    #[test]
    fn max_words_covers_every_form() {
        let longest = g()
            .forms()
            .map(|(t, _, _)| t.split_whitespace().count())
            .max();
        assert_eq!(Some(g().max_words()), longest);
        assert!(g().max_words() >= 8); // "United Kingdom of Great Britain and Northern Ireland"
    }
}
