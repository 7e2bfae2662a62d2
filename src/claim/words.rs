//! Small word lists the linker reads a sentence with.

/// Nouns for people in general: a number that counts them may still count a metric
/// ("800 British nationals who left").
pub(super) fn counted_noun_is_generic(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "persons"
            | "individuals"
            | "nationals"
            | "citizens"
            | "residents"
            | "men"
            | "women"
            | "recruits"
            | "members"
            | "volunteers"
            | "others"
            | "more"
            | "fewer"
            | "less"
            | "total"
            | "overall"
            | "altogether"
            | "respectively"
            | "each"
            | "apiece"
            | "so"
            | "far"
            | "now"
            | "currently"
            | "today"
            | "still"
            | "already"
            | "alone"
    )
}

/// Words that say nothing of what a number counts.
pub(super) fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "from"
            | "for"
            | "by"
            | "with"
            | "as"
            | "than"
            | "since"
            | "while"
            | "who"
            | "which"
            | "that"
            | "have"
            | "has"
            | "had"
            | "having"
            | "were"
            | "was"
            | "are"
            | "is"
            | "be"
            | "been"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "can"
            | "did"
            | "do"
            | "does"
            | "had,"
            | "this"
            | "these"
            | "those"
            | "their"
            | "its"
            | "his"
            | "her"
            | "they"
            | "according"
            | "compared"
            | "against"
            | "versus"
            | "vs"
            | "into"
            | "out"
            | "up"
            | "down"
            | "over"
            | "under"
            | "after"
            | "before"
            | "during"
            | "until"
            | "when"
            | "where"
            | "if"
            | "then"
            | "there"
            | "here"
            | "went"
            | "came"
            | "come"
            | "go"
            | "left"
            | "remain"
            | "remained"
            | "remain,"
            | "among"
            | "including"
            | "across"
            | "per"
            | "not"
            | "also"
            | "only"
            | "just"
            | "about"
            | "around"
            | "through"
    )
}

/// Nouns of time and measure: a number that counts them is not a count of a table's metric
/// ("three years", "30-year-old", "two times").
pub(super) fn is_unit_noun(word: &str) -> bool {
    matches!(
        word,
        "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "second"
            | "seconds"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "time"
            | "times"
            | "km"
            | "kilometres"
            | "kilometers"
            | "miles"
            | "mile"
            | "metres"
            | "meters"
            | "kg"
            | "tonnes"
            | "tons"
            | "pages"
            | "points"
            | "games"
            | "goals"
            | "votes"
            | "seats"
            | "countries"
            | "nations"
            | "states"
            | "cities"
            | "regions"
            | "provinces"
            | "groups"
            | "reports"
            | "studies"
            | "year-old"
            | "years-old"
    )
}

/// Words that may stand between a value and the year it is for: "in", "as of", "by the end of".
pub(super) fn is_period_lead(word: &str) -> bool {
    matches!(
        word,
        "in" | "as"
            | "of"
            | "by"
            | "at"
            | "for"
            | "during"
            | "the"
            | "end"
            | "early"
            | "late"
            | "mid"
            | "fiscal"
            | "year"
    ) || crate::quantity::is_month(word)
}

/// Whether the text before a "from A to B" range ends with a verb of change, so that the range
/// is the two ends of a change and not an interval.
pub(super) fn change_verb_before(before: &str) -> bool {
    let lower = before.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().rev().take(4).any(|w| {
        matches!(
            *w,
            "rose"
                | "risen"
                | "grew"
                | "grown"
                | "increased"
                | "jumped"
                | "climbed"
                | "soared"
                | "surged"
                | "fell"
                | "fallen"
                | "dropped"
                | "declined"
                | "decreased"
                | "went"
                | "gone"
                | "revised"
                | "changed"
                | "shrank"
                | "shrunk"
                | "doubled"
                | "tripled"
                | "halved"
                | "moved"
                | "slipped"
                | "plunged"
                | "plummeted"
                | "rising"
                | "growing"
                | "increasing"
                | "falling"
                | "dropping"
                | "declining"
                | "up"
                | "down"
        )
    })
}

/// Nouns that make the number after "… of" a difference: "a majority of 174".
pub(super) const DIFFERENCE_NOUNS: &[&str] = &[
    "majority",
    "margin",
    "lead",
    "gap",
    "difference",
    "deficit",
    "surplus",
    "shortfall",
    "swing",
    "increase",
    "decrease",
    "rise",
    "fall",
    "drop",
    "gain",
    "loss",
    "change",
];

/// Comparatives that make a number before them a difference: "150 metres higher than".
pub(super) fn is_comparative(word: &str) -> bool {
    matches!(
        word,
        "more"
            | "fewer"
            | "less"
            | "higher"
            | "lower"
            | "taller"
            | "shorter"
            | "larger"
            | "smaller"
            | "bigger"
            | "greater"
            | "longer"
            | "wider"
            | "heavier"
            | "lighter"
            | "older"
            | "younger"
            | "clear"
            | "ahead"
            | "behind"
            | "up"
            | "down"
    )
}

/// Words that make a number a threshold rather than a value: "the 270 needed for victory".
pub(super) fn is_threshold(word: &str) -> bool {
    matches!(
        word,
        "needed"
            | "required"
            | "necessary"
            | "allowed"
            | "permitted"
            | "possible"
            | "available"
            | "maximum"
            | "minimum"
            | "target"
            | "goal"
            | "limit"
            | "cap"
            | "threshold"
    )
}

/// Words right after a number that make it an increment: "two more", "89 extra".
pub(super) fn is_increment(word: &str) -> bool {
    matches!(
        word,
        "more" | "fewer" | "less" | "extra" | "additional" | "further" | "new" | "fresh"
    )
}

/// Verbs right before a number that make it the size of a change: "added two", "gained 3".
pub(super) fn is_increment_verb(word: &str) -> bool {
    matches!(
        word,
        "added"
            | "adds"
            | "adding"
            | "gained"
            | "gains"
            | "gaining"
            | "picked"
            | "shed"
            | "sheds"
            | "lost"
            | "loses"
            | "losing"
            | "cut"
            | "cuts"
            | "trimmed"
            | "dropped"
    )
}

/// Words before "of (the) N" that make N the size of a set: "the lowest of the 14",
/// "one of the 20", "all of the 650".
pub(super) fn picks_from_a_set(word: &str) -> bool {
    word.ends_with("est")
        || matches!(
            word,
            "one"
                | "all"
                | "each"
                | "any"
                | "none"
                | "most"
                | "many"
                | "some"
                | "first"
                | "last"
                | "second"
                | "third"
                | "top"
                | "bottom"
                | "several"
                | "few"
                | "both"
        )
}

/// The words that name a unit of measure in prose, for a metric's `unit:` ("km" → km,
/// kilometres, kilometers). Units that are not measures (people, %, currencies) name nothing,
/// nor do units of time, which prose uses for durations ("two years ago") far more than for
/// values.
pub(super) fn unit_forms(unit: &str) -> &'static [&'static str] {
    match unit.trim().to_ascii_lowercase().as_str() {
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => {
            &["km", "kilometres", "kilometers", "kilometre", "kilometer"]
        }
        "m" | "metres" | "meters" | "metre" | "meter" => {
            &["m", "metres", "meters", "metre", "meter"]
        }
        "mi" | "miles" | "mile" => &["mi", "miles", "mile"],
        "ft" | "feet" | "foot" => &["ft", "feet", "foot"],
        "kg" | "kilograms" | "kilogram" => &["kg", "kilograms", "kilogram", "kilos"],
        "t" | "tonnes" | "tonne" | "tons" | "ton" => &["tonnes", "tonne", "tons", "ton"],
        "km2" | "km²" | "sq km" | "square kilometres" => &[
            "km2",
            "km²",
            "square kilometres",
            "square kilometers",
            "sq km",
        ],
        "litres" | "liters" | "l" => &["litres", "liters", "litre", "liter"],
        _ => &[],
    }
}
