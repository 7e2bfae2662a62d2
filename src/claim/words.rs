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

/// Nouns that say a figure is a measure without saying of what: "a total of 5", "a high of
/// 40", "an estimated value of $3bn".
pub(super) fn is_measure_word(word: &str) -> bool {
    matches!(
        word,
        "total"
            | "figure"
            | "figures"
            | "value"
            | "tally"
            | "count"
            | "number"
            | "amount"
            | "sum"
            | "high"
            | "highs"
            | "peak"
            | "record"
            | "level"
            | "average"
            | "rate"
            | "estimate"
            | "maximum"
            | "minimum"
            | "equivalent"
            | "worth"
            | "result"
            | "score"
            | "share"
            | "portion"
            | "proportion"
            | "fraction"
            | "handful"
            | "group"
            | "series"
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
            | "ceiling"
            | "benchmark"
            | "mark"
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

/// A superlative or an ordinal superlative ("highest", "most", "fourth-most", "second-largest"):
/// a word that ranks within a set.
pub(super) fn is_superlative(word: &str) -> bool {
    let last = word.rsplit('-').next().unwrap_or(word);
    matches!(last, "most" | "least" | "top" | "best" | "worst")
        || (last.len() > 5
            && last.ends_with("est")
            && !matches!(
                last,
                "interest"
                    | "forest"
                    | "harvest"
                    | "request"
                    | "protest"
                    | "suggest"
                    | "contest"
                    | "invest"
                    | "arrest"
                    | "manifest"
                    | "digest"
                    | "southwest"
                    | "northwest"
                    | "midwest"
                    | "honest"
                    | "modest"
                    | "latest"
                    | "earliest"
            ))
}

/// A place in an order, spelled or in digits: "fifth", "16th", "1st".
pub(super) fn is_place_word(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (!digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(&word[digits.len()..], "st" | "nd" | "rd" | "th"))
        || word == "last"
        || crate::quantity::ordinal_unit(word).is_some()
}

/// Verbs that put one row past another, whose "by N" is the margin between them.
pub(super) fn is_verb_of_beating(word: &str) -> bool {
    matches!(
        word,
        "beat"
            | "beats"
            | "beating"
            | "defeated"
            | "defeats"
            | "led"
            | "leads"
            | "leading"
            | "trailed"
            | "trails"
            | "trailing"
            | "outpaced"
            | "outpaces"
            | "outsold"
            | "outsells"
            | "outspent"
            | "outspends"
            | "outshipped"
            | "outproduced"
            | "outdid"
            | "outstripped"
            | "overtook"
            | "overtakes"
            | "overtaking"
            | "overtaken"
            | "beaten"
            | "eclipsed"
            | "eclipses"
            | "eclipsing"
            | "outstrips"
            | "outstripping"
            | "outpacing"
            | "surpassing"
            | "exceeding"
            | "outselling"
            | "surpassed"
            | "surpasses"
            | "exceeded"
            | "exceeds"
            | "displaced"
            | "displaces"
            | "replaced"
            | "replaces"
            | "dethroned"
            | "unseated"
            | "ousted"
            | "edged"
            | "outperformed"
            | "outnumbered"
            | "outnumber"
            | "outnumbers"
            | "outscored"
            | "outscores"
            | "outpolled"
            | "outpolls"
            | "outearned"
            | "outgrew"
            | "outran"
            | "outplayed"
            | "outclassed"
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

/// Capitalised words that are no name of their own: function words that open a clause, months
/// and days.
pub(super) fn may_open_clause(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "It"
            | "Its"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "They"
            | "Their"
            | "He"
            | "His"
            | "She"
            | "Her"
            | "We"
            | "Our"
            | "I"
            | "There"
            | "Then"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

/// A conjunction that turns to a clause of its own, set against the one before: "even
/// though", "although", "while", "whereas", "but".
pub(super) fn turns_to_another_clause(word: &str) -> bool {
    matches!(word, "though" | "although" | "while" | "whereas" | "but")
}

/// A verb that reports what someone said or found, whose "that" opens what was said, not a
/// relative clause: "the report said that …", "officials estimate that …".
pub(super) fn is_reporting_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "say"
            | "says"
            | "told"
            | "tell"
            | "tells"
            | "found"
            | "find"
            | "finds"
            | "show"
            | "shows"
            | "showed"
            | "shown"
            | "estimate"
            | "estimates"
            | "noted"
            | "notes"
            | "warn"
            | "warns"
            | "argue"
            | "argues"
            | "claim"
            | "claims"
            | "believe"
            | "believes"
            | "think"
            | "thinks"
            | "thought"
            | "mean"
            | "means"
            | "meant"
            | "suggest"
            | "suggests"
            | "indicate"
            | "indicates"
            | "know"
            | "knows"
            | "knew"
            | "expect"
            | "expects"
            | "hope"
            | "hopes"
            | "predict"
            | "predicts"
            | "announce"
            | "announces"
            | "report"
            | "reports"
            | "state"
            | "states"
            | "confirm"
            | "confirms"
    )
}

/// A pronoun that stands for a row or a figure already named ("it rose", "which fell").
pub(super) fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "it" | "its"
            | "they"
            | "their"
            | "this"
            | "that"
            | "these"
            | "those"
            | "which"
            | "who"
            | "he"
            | "she"
            | "we"
            | "both"
            | "each"
            | "one"
    )
}

/// A noun that refers back to a figure the text has given ("the figure rose", "the rate
/// fell") rather than naming a new thing.
pub(super) fn refers_back(word: &str) -> bool {
    matches!(
        word,
        "figure"
            | "figures"
            | "number"
            | "numbers"
            | "count"
            | "tally"
            | "rate"
            | "rates"
            | "level"
            | "levels"
            | "share"
            | "sum"
            | "amount"
            | "result"
            | "value"
            | "values"
            | "index"
            | "ratio"
            | "score"
            | "estimate"
    )
}

/// A word in "-ing" that describes the name after it rather than taking it as an object:
/// "neighbouring Long Beach", "the reigning champion".
pub(super) fn is_adjectival_participle(word: &str) -> bool {
    matches!(
        word,
        "neighbouring"
            | "neighboring"
            | "surrounding"
            | "remaining"
            | "ruling"
            | "governing"
            | "emerging"
            | "developing"
            | "defending"
            | "reigning"
            | "visiting"
    )
}

/// A verb that moves a figure and may take "up" as its particle: "inched up to", "went up to".
pub(super) fn is_verb_of_movement(word: &str) -> bool {
    matches!(
        word,
        "inched"
            | "inches"
            | "inch"
            | "edged"
            | "edges"
            | "edge"
            | "ticked"
            | "ticks"
            | "crept"
            | "creeps"
            | "moved"
            | "moves"
            | "went"
            | "goes"
            | "climbed"
            | "climbs"
            | "shot"
            | "jumped"
            | "rose"
            | "rises"
            | "crawled"
            | "stepped"
    )
}

/// A common noun that stands for a row of the table rather than for what is measured: "the
/// country attracted $5bn", "the exporter shipped 2 million".
pub(super) fn stands_for_a_row(word: &str) -> bool {
    names_a_kind_of_row(word) || matches!(word, "producer" | "exporter" | "importer" | "world")
}

/// A noun for the kind of thing a table's rows are: "the largest country", "the busiest
/// airport". A superlative on it ranks the rows by the metric the sentence names.
pub(super) fn names_a_kind_of_row(word: &str) -> bool {
    matches!(
        word,
        "country"
            | "countries"
            | "nation"
            | "nations"
            | "kingdom"
            | "republic"
            | "state"
            | "states"
            | "region"
            | "regions"
            | "bloc"
            | "city"
            | "cities"
            | "island"
            | "company"
            | "companies"
            | "firm"
            | "group"
            | "carrier"
            | "airline"
            | "club"
            | "team"
            | "side"
            | "government"
            | "economy"
            | "economies"
            | "party"
            | "film"
            | "river"
            | "building"
            | "mountain"
            | "planet"
            | "car"
            | "model"
            | "brand"
            | "vehicle"
            | "airport"
            | "operator"
            | "province"
            | "university"
            | "school"
            | "player"
            | "driver"
            | "territory"
            | "port"
            | "member"
            | "market"
            | "town"
            | "county"
            | "district"
            | "village"
            | "municipality"
            | "station"
            | "stadium"
            | "venue"
            | "song"
            | "album"
            | "game"
            | "season"
            | "episode"
            | "race"
            | "athlete"
            | "nominee"
            | "candidate"
    )
}

/// The forms of the verb of the opposite role, for a verb that has one: what a side scores
/// the other concedes, what one exports another imports. A figure after one is never a
/// value of a metric named by the other.
pub(super) fn opposite_verb(word: &str) -> Option<&'static [&'static str]> {
    const SCORED: &[&str] = &["scored", "scores", "score", "scoring"];
    const CONCEDED: &[&str] = &["conceded", "concedes", "concede", "conceding"];
    const WON: &[&str] = &["won", "wins", "win", "winning"];
    const LOST: &[&str] = &["lost", "loses", "lose", "losing"];
    const EXPORTED: &[&str] = &["exported", "exports", "export", "exporting"];
    const IMPORTED: &[&str] = &["imported", "imports", "import", "importing"];
    const BOUGHT: &[&str] = &["bought", "buys", "buy", "buying", "purchased"];
    const SOLD: &[&str] = &["sold", "sells", "sell", "selling"];
    [
        (SCORED, CONCEDED),
        (CONCEDED, SCORED),
        (WON, LOST),
        (LOST, WON),
        (EXPORTED, IMPORTED),
        (IMPORTED, EXPORTED),
        (BOUGHT, SOLD),
        (SOLD, BOUGHT),
    ]
    .iter()
    .find(|(forms, _)| forms.contains(&word))
    .map(|(_, other)| *other)
}
